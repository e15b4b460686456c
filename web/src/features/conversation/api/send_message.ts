import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation, ConversationStatus, Message } from '@/types/api';

export interface SendMessageInput {
  body_text: string;
  internal: boolean;
  status?: Exclude<ConversationStatus, 'new'>;
}

/** A reply goes out on the conversation's own channel; a note stays internal. */
export function useSendMessage(conversation: Conversation) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) =>
      api.post<Message>(`/conversations/${conversation.id}/messages`, {
        body_text: input.body_text,
        internal: input.internal,
        ...(input.status ? { status: input.status } : {}),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.messages(conversation.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversation(conversation.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(conversation.customer_id) });
    },
  });
}
