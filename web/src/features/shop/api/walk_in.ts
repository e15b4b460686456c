import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { NewWalkIn, WalkIn } from '@/types/api';

export function useLogWalkIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: NewWalkIn) => api.post<WalkIn>('/walk-ins', w),
    onSuccess: (w) => {
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(w.customer_id) });
    },
  });
}
