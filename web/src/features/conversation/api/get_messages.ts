import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Message, Page } from '@/types/api';

/** How often the thread looks again while a reply of it is on its way out (sending happens in the background). */
export const PENDING_DELIVERY_REFRESH = 5_000;

const pending = (pages: Page<Message>[] | undefined) =>
  pages?.some((p) => p.items.some((m) => m.delivery === 'queued' || m.delivery === 'sending')) ?? false;

/** The thread in written order; later pages hold later messages. */
export function useMessages(conversationId: number, includeInternal: boolean) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.messages(conversationId), { includeInternal }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Message>>(
        `/conversations/${conversationId}/messages`,
        { include_internal: includeInternal, limit: 200, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (query) => (pending(query.state.data?.pages) ? PENDING_DELIVERY_REFRESH : false),
  });
}
