import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/session'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(queryKeys.session, null);
    },
  });
}
