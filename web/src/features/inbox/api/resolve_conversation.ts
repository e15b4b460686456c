import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation } from '@/types/api';

export function useResolveConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.patch<Conversation>(`/conversations/${id}`, { status: 'resolved' }),
    onSuccess: (c) => {
      qc.setQueryData(queryKeys.conversation(c.id), c);
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(c.customer_id) });
    },
  });
}
