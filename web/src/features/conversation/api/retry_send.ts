import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Message, OutboxItem, ResendRequest } from '@/types/api';
import type { UploadedAttachment } from './send_message';

// What an agent does with a reply the desk could not send (`failed`) or may
// have sent (`uncertain`): retry it, edit and resend it, dismiss it, or (for
// an uncertain one) confirm it arrived. Agents may (write_conversations); a
// 409 means it is no longer failed or uncertain (someone got there first),
// so the thread is read again after any outcome.

function useRefreshAfterSend(conversationId: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
    void qc.invalidateQueries({ queryKey: queryKeys.outbox });
  };
}

/** "Retry": the reply is queued again. */
export function useRetrySend(conversationId: number) {
  const refresh = useRefreshAfterSend(conversationId);
  return useMutation({
    mutationFn: (messageId: number) => api.post<OutboxItem>(`/mail/outbox/${messageId}/retry`),
    onSettled: refresh,
  });
}

export interface ResendInput {
  messageId: number;
  body_text: string;
  /** The files to send: the old reply's (by hash) and any uploaded now. */
  attachments: UploadedAttachment[];
  /** Another of the customer's e-mail addresses; left out: where the old reply was going. */
  to?: string;
}

/** "Edit and resend": a new reply replaces the old one, which becomes `cancelled`. */
export function useResendReply(conversationId: number) {
  const qc = useQueryClient();
  const refresh = useRefreshAfterSend(conversationId);
  return useMutation({
    mutationFn: ({ messageId, body_text, attachments, to }: ResendInput) => {
      // Files are named by hash alone, as in a new reply (the server knows their size).
      const body: Omit<ResendRequest, 'attachments'> & { attachments?: UploadedAttachment[] } = {
        body_text,
        ...(attachments.length ? { attachments } : {}),
        ...(to ? { to } : {}),
      };
      return api.post<Message>(`/mail/outbox/${messageId}/resend`, body);
    },
    onSettled: refresh,
    onSuccess: () => {
      // A new message: the conversation's counts and the lists change too.
      void qc.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}

/**
 * "Dismiss": nobody sends the reply (`cancelled`); with `arrived` (an
 * uncertain reply the customer confirmed receiving) it becomes `sent`.
 */
export function useDismissReply(conversationId: number) {
  const refresh = useRefreshAfterSend(conversationId);
  return useMutation({
    mutationFn: ({ messageId, arrived }: { messageId: number; arrived?: boolean }) =>
      api.post<OutboxItem>(`/mail/outbox/${messageId}/dismiss`, arrived ? { arrived: true } : {}),
    onSettled: refresh,
  });
}
