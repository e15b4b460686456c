import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { DuplicateSuggestion, List } from '@/types/api';

/** Open suggestions that this customer and another are one person, with the evidence. */
export function useDuplicates(customerId: number) {
  return useQuery({
    queryKey: queryKeys.duplicates(customerId),
    queryFn: ({ signal }) => api.get<List<DuplicateSuggestion>>(`/customers/${customerId}/duplicates`, undefined, signal),
    select: (d) => d.items,
  });
}

/** Merges a suggestion's pair into this customer (`keep`), or dismisses it. */
export function useResolveDuplicate(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'merge' | 'dismiss' }) =>
      api.post<DuplicateSuggestion>(`/duplicates/${id}/${action}`, action === 'merge' ? { keep: customerId } : {}),
    onSuccess: (s) => {
      for (const id of [s.customer.id, s.other.id]) {
        void qc.invalidateQueries({ queryKey: queryKeys.duplicates(id) });
        void qc.invalidateQueries({ queryKey: queryKeys.customer(id) });
      }
      if (s.status === 'merged') {
        void qc.invalidateQueries({ queryKey: queryKeys.timeline(customerId) });
        void qc.invalidateQueries({ queryKey: queryKeys.merges(customerId) });
        void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      }
    },
  });
}
