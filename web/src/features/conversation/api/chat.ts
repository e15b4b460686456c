import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Chat, Message } from '@/types/api';

/** The chat of a chat conversation (state, agent, waits, page); only asked for on channel chat. */
export function useChat(conversationId: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.chat(conversationId),
    queryFn: ({ signal }) => api.get<Chat>(`/chats/${conversationId}`, undefined, signal),
    enabled,
  });
}

/** Accept or end the chat. */
export function useChatAction(conversationId: number, action: 'accept' | 'end') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Chat>(`/chats/${conversationId}/${action}`, {}),
    onSuccess: (chat) => {
      qc.setQueryData(queryKeys.chat(conversationId), chat);
      void qc.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}

/** E-mails the visitor the transcript (a message the desk sends by itself). */
export function useSendTranscript(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Message>(`/chats/${conversationId}/transcript`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.messages(conversationId) }),
  });
}

const lastTyping = new Map<number, number>();

/** Tells the visitor the agent types: at most once per 3 s per chat, errors ignored. */
export function sendTyping(conversationId: number, now = Date.now()): boolean {
  if (now - (lastTyping.get(conversationId) ?? 0) < 3000) return false;
  lastTyping.set(conversationId, now);
  api.post(`/chats/${conversationId}/typing`, {}).catch(() => undefined);
  return true;
}

/**
 * The agent's read receipt: once the visitor's newest message is on screen
 * (the page in view), tells the desk the chat is read up to it, so the
 * visitor sees "Read". Each message is marked at most once; errors ignored.
 */
export function useMarkChatRead(chat: Chat | undefined, newestInbound: number | undefined) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!chat || newestInbound == null || (chat.agent_read_id ?? 0) >= newestInbound) return;
    const mark = () => {
      if (document.visibilityState === 'hidden' || marked.get(chat.conversation_id) === newestInbound) return;
      marked.set(chat.conversation_id, newestInbound);
      api
        .post(`/chats/${chat.conversation_id}/read`, { message_id: newestInbound })
        .then(() => qc.invalidateQueries({ queryKey: queryKeys.chat(chat.conversation_id) }))
        .catch(() => undefined);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [chat, newestInbound, qc]);
}

const marked = new Map<number, number>();
