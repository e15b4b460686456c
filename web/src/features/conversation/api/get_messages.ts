import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Message, Page } from '@/types/api';

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
  });
}
