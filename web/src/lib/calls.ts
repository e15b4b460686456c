import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Call, CallLog } from '@/types/api';
import { api } from './api_client';
import { queryKeys } from './query_keys';

/** Logs a call by hand (`POST /calls`): the customer page's form and the call back list use it. */
export function useLogCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (call: CallLog) => api.post<Call>('/calls', call),
    onSuccess: (call) => {
      if (call.customer_id != null) void qc.invalidateQueries({ queryKey: queryKeys.timeline(call.customer_id) });
      // An answered call takes its number off the call back list.
      void qc.invalidateQueries({ queryKey: queryKeys.callbacks });
    },
  });
}
