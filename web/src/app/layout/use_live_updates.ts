import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keysForEvent } from '@/lib/live/invalidate';
import { LiveSocket, liveUrl, type LiveStatus } from '@/lib/live/live_socket';

/** One live connection per tab while logged in; events refetch what they touch. */
export function useLiveUpdates(enabled: boolean): LiveStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    const socket = new LiveSocket({
      url: (since) => liveUrl(since),
      onEvent: (e) => {
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
  }, [enabled, qc]);
  return status;
}
