import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { CallbackPage } from '@/types/api';

/** The numbers owed a call back, the longest waiting first (one page of up to 200). */
export function useCallbacks() {
  return useQuery({
    queryKey: queryKeys.callbacks,
    queryFn: ({ signal }) => api.get<CallbackPage>('/calls/callbacks', { limit: 200 }, signal),
  });
}

/** Takes a number off the list without a logged call (`callId`: any of its calls). */
export function useCloseCallbacks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (callId: number) => api.post<{ closed: number }>(`/calls/${callId}/close-callbacks`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.callbacks }),
  });
}
