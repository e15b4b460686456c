import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api_client';
import { alertNewChat, noteChatEvent } from '@/lib/live/chat_signals';
import { keysForEvent } from '@/lib/live/invalidate';
import { notePromiseEvent } from '@/lib/live/promise_alerts';
import { LiveSocket, liveUrl, type LiveStatus } from '@/lib/live/live_socket';
import type { Chat } from '@/types/api';

/**
 * One live connection per tab while logged in; events refetch what they
 * touch. Reminders of promises sent to `userId` (the signed-in user) wait
 * in the shell.
 */
export function useLiveUpdates(enabled: boolean, userId?: number | null): LiveStatus {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    const socket = new LiveSocket({
      url: (since) => liveUrl(since),
      onEvent: (e) => {
        noteChatEvent(e, (id) => {
          // Only a chat that still waits is worth a sound.
          api
            .get<Chat>(`/chats/${id}`)
            .then((chat) => chat.state === 'waiting' && alertNewChat(t('chat.newChat')))
            .catch(() => undefined);
        });
        notePromiseEvent(e, userId);
        for (const queryKey of keysForEvent(e)) void qc.invalidateQueries({ queryKey });
      },
      onReset: () => void qc.invalidateQueries(),
      onStatus: setStatus,
    });
    socket.start();
    const online = () => socket.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      socket.stop();
    };
  }, [enabled, userId, qc, t]);
  return status;
}
