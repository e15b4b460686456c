import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Job } from '@/types/api';

/** Asks for a subject access export; any node's job runner prepares it. */
export function useRequestExport(customerId: number) {
  return useMutation({
    mutationFn: () => api.post<Job>(`/customers/${customerId}/exports`),
  });
}

/** A job, polled every second until it is done or failed. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: queryKeys.job(id ?? 0),
    enabled: id != null,
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, undefined, signal),
    // Every second until the job ends; not after an error (ErrorPanel retries).
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const state = query.state.data?.state;
      return state === 'done' || state === 'failed' ? false : 1000;
    },
  });
}
