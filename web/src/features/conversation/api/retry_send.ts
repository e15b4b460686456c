import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { OutboxItem } from '@/types/api';

/**
 * "Retry" on a reply the desk could not send (`failed`) or may have sent
 * (`uncertain`): it is queued again. Agents may (write_conversations); a
 * 409 means it is no longer failed or uncertain (someone retried it).
 */
export function useRetrySend(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.post<OutboxItem>(`/mail/outbox/${messageId}/retry`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
      void qc.invalidateQueries({ queryKey: queryKeys.outbox });
    },
  });
}
