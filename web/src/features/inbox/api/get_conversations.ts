import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Channel, Conversation, ConversationStatus, Page, Priority } from '@/types/api';

export type InboxView = 'all' | 'mine' | 'unassigned' | 'waiting';
export type InboxSort = '-last_message_at' | '-created_at' | 'created_at';

/** What the inbox shows; kept in the URL's query string. */
export interface InboxFilters {
  view: InboxView;
  department_id?: number;
  queue_id?: number;
  channel?: Channel;
  status?: ConversationStatus;
  priority?: Priority;
  tag?: string;
  sort: InboxSort;
}

export function toApiParams(f: InboxFilters) {
  return {
    assignee_id: f.view === 'mine' ? 'me' : f.view === 'unassigned' ? 'none' : undefined,
    status: f.view === 'waiting' ? 'waiting_on_us' : f.status,
    department_id: f.department_id,
    queue_id: f.queue_id,
    channel: f.channel,
    priority: f.priority,
    tag: f.tag?.trim().toLowerCase() || undefined,
    sort: f.sort === '-last_message_at' ? undefined : f.sort,
  };
}

export function useConversations(filters: InboxFilters) {
  const params = toApiParams(filters);
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Conversation>>('/conversations', { ...params, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
