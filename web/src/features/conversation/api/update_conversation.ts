import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation, ConversationStatus, Priority } from '@/types/api';

export interface ConversationPatch {
  subject?: string;
  status?: ConversationStatus;
  priority?: Priority;
  queue_id?: number | null;
  assignee_id?: number | null;
  tags?: string[];
}

export function useUpdateConversation(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ConversationPatch) => api.patch<Conversation>(`/conversations/${id}`, patch),
    onSuccess: (c) => {
      qc.setQueryData(queryKeys.conversation(id), c);
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(c.customer_id) });
    },
  });
}
