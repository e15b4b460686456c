import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation, Customer, List, MergeRecord, Page, SearchResults } from '@/types/api';

export function useMerges(customerId: number) {
  return useQuery({
    queryKey: queryKeys.merges(customerId),
    queryFn: ({ signal }) => api.get<List<MergeRecord>>(`/customers/${customerId}/merges`, undefined, signal),
    select: (d) => d.items,
  });
}

/** Customers whose name or identities match, for picking the duplicate. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...queryKeys.search, { q, scope: 'customers' }],
    queryFn: ({ signal }) => api.get<SearchResults>('/search', { q, scope: 'customers', limit: 10 }, signal),
    enabled: q.trim().length > 0,
    select: (d) => d.items,
  });
}

export interface MergePreview {
  customer: Customer;
  conversations: number;
  more: boolean;
}

/** What a merge would move: the duplicate and how many conversations it has. */
export function useMergePreview(sourceId: number | null) {
  return useQuery({
    queryKey: ['merge-preview', sourceId],
    enabled: !!sourceId,
    queryFn: async ({ signal }): Promise<MergePreview> => {
      const [customer, conversations] = await Promise.all([
        api.get<Customer>(`/customers/${sourceId}`, undefined, signal),
        api.get<Page<Conversation>>('/conversations', { customer_id: sourceId, limit: 200 }, signal),
      ]);
      return { customer, conversations: conversations.items.length, more: conversations.next_cursor != null };
    },
  });
}

export function useMergeCustomer(targetId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: number) =>
      api.post<{ merge: MergeRecord; customer: Customer }>(`/customers/${targetId}/merge`, { source_id: sourceId }),
    onSuccess: (r) => {
      qc.setQueryData(queryKeys.customer(targetId), r.customer);
      void qc.invalidateQueries({ queryKey: queryKeys.customer(r.merge.source_id) });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(targetId) });
      void qc.invalidateQueries({ queryKey: queryKeys.merges(targetId) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}
