import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation } from '@/types/api';

export interface TransferInput {
  department_id: number | undefined;
  queue_id: number | null;
  note: string;
}

export function useTransferConversation(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TransferInput) => api.post<Conversation>(`/conversations/${id}/transfer`, input),
    onSuccess: (c) => {
      qc.setQueryData(queryKeys.conversation(id), c);
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(c.customer_id) });
    },
  });
}
