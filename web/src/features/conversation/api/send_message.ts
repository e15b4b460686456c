import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Conversation, ConversationStatus, Message } from '@/types/api';

/** A file uploaded before (`POST /uploads`), named by its hash; the server knows its size. */
export interface UploadedAttachment {
  filename: string;
  content_type: string;
  sha256: string;
}

export interface SendMessageInput {
  body_text: string;
  internal: boolean;
  status?: Exclude<ConversationStatus, 'new'>;
  /** Uploaded files; a message may have these and no text. */
  attachments?: UploadedAttachment[];
  /** The canonical answer version the reply used (who was told what). */
  answer?: { id: number; number: number };
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
        ...(input.attachments?.length ? { attachments: input.attachments } : {}),
        ...(input.answer && !input.internal ? { answer: input.answer } : {}),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.messages(conversation.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversation(conversation.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(conversation.customer_id) });
    },
  });
}
