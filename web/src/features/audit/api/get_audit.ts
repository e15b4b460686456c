import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { AuditEntry, Page } from '@/types/api';

export interface AuditFilters {
  user_id?: number;
  customer_id?: number;
  action?: string;
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.audit, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>('/audit', { ...filters, limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
