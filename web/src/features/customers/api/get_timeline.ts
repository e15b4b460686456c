import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Channel, TimelinePage } from '@/types/api';

export interface TimelineFilters {
  channel?: Channel;
  department_id?: number;
  include_internal?: boolean;
}

/** Newest first; each page continues with the previous page's next_cursor. */
export function useTimeline(customerId: number, filters: TimelineFilters = {}, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.timeline(customerId), { ...filters, limit }],
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePage>(`/customers/${customerId}/timeline`, { ...filters, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: customerId > 0,
  });
}
