import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Channel, SearchResults } from '@/types/api';

export type SearchScope = 'messages' | 'conversations' | 'customers';

export interface SearchParams {
  q: string;
  scope: SearchScope;
  channel?: Channel;
  department_id?: number;
  offset: number;
}

export const PAGE_SIZE = 20;

export function useSearch(p: SearchParams) {
  return useQuery({
    queryKey: [...queryKeys.search, p],
    queryFn: ({ signal }) => api.get<SearchResults>('/search', { ...p, limit: PAGE_SIZE }, signal),
    enabled: p.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
