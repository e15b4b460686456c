import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { ConversationTopic, List, NewTopic, Page, Topic, TopicAlert, TopicConversation, TopicJob, TopicPatch, TopicsOverview } from '@/types/api';

// The topics endpoints (docs/openapi.yaml, tag `topics`; docs/topics.md).
// The overview and the alerts are names, counts and rates; the
// conversations of a topic and a conversation's topic are audited reads of
// personal data, so they are read when asked for, never polled.

/** The period the overview and the drill-down count over; `{}` is the server's default (the 28 days before now). */
export interface TopicPeriod {
  from?: string;
  to?: string;
}

/** The active topics with volume, trend and difficulty, the candidates, the counts and the newest model. */
export function useTopicsOverview(period: TopicPeriod = {}, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.topicsOverview(period),
    queryFn: ({ signal }) => api.get<TopicsOverview>('/topics', { ...period }, signal),
    placeholderData: keepPreviousData,
    // While a training or discovery job runs (started here), until what it changes shows.
    refetchInterval: options.poll ? 3000 : false,
  });
}

/** The active topics by name, for choosing one (the default period's overview, shared with the topics page). */
export function useActiveTopics(enabled = true) {
  return useQuery({
    queryKey: queryKeys.topicsOverview({}),
    queryFn: ({ signal }) => api.get<TopicsOverview>('/topics', undefined, signal),
    select: (d) => d.topics.map((t) => ({ id: t.id, name: t.name })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The rising topics their owners were alerted of (the last 90 days), newest first. */
export function useTopicAlerts() {
  return useQuery({
    queryKey: queryKeys.topicAlerts,
    queryFn: ({ signal }) => api.get<List<TopicAlert>>('/topics/alerts', undefined, signal),
    select: (d) => d.items,
  });
}

/** A topic's conversations in the period (or those without a topic), newest first, a page at a time. */
export function useTopicConversations(topic: number | 'unclassified', period: TopicPeriod, pageSize = 25) {
  const params = { ...period, limit: pageSize };
  const path = topic === 'unclassified' ? '/topics/unclassified/conversations' : `/topics/${topic}/conversations`;
  return useInfiniteQuery({
    queryKey: queryKeys.topicConversations(topic, params),
    queryFn: ({ pageParam, signal }) => api.get<Page<TopicConversation>>(path, { ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** A candidate topic's questions, the most typical first (`example` marks the first three); read when shown. */
export function useCandidateQuestions(id: number, enabled: boolean, limit = 10) {
  return useQuery({
    queryKey: queryKeys.topicConversations(id, { limit, candidate: true }),
    queryFn: ({ signal }) => api.get<Page<TopicConversation>>(`/topics/${id}/conversations`, { limit }, signal),
    select: (d) => d.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Every change to a topic makes the overview, the alerts and the drill-downs stale; also a refusal (409: it changed meanwhile). */
function useTopicsChanged() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: queryKeys.topics });
}

export function useCreateTopic() {
  const changed = useTopicsChanged();
  return useMutation({
    mutationFn: (topic: NewTopic) => api.post<Topic>('/topics', topic),
    onSuccess: changed,
  });
}

/** Renames a topic or gives it an owner (`owner_user_id: null` clears it), naming the version read. */
export function useUpdateTopic() {
  const changed = useTopicsChanged();
  return useMutation({
    mutationFn: ({ id, ...patch }: TopicPatch & { id: number }) => api.patch<Topic>(`/topics/${id}`, patch),
    onSettled: changed,
  });
}

/** What can be done with a candidate topic: each names the version read. */
export type CandidateAction =
  | { action: 'accept'; id: number; version: number; name?: string }
  | { action: 'merge'; id: number; version: number; into: number }
  | { action: 'split'; id: number; version: number }
  | { action: 'dismiss'; id: number; version: number };

export function useCandidateAction() {
  const changed = useTopicsChanged();
  return useMutation({
    mutationFn: ({ action, id, ...body }: CandidateAction) => api.post<Topic | List<Topic>>(`/topics/${id}/${action}`, body),
    onSettled: changed,
  });
}

/** Training (`train`) or discovery (`discover`, optionally into `k` groups) as a job; 202 with the job. */
export function useStartTopicJob() {
  const changed = useTopicsChanged();
  return useMutation({
    mutationFn: ({ kind, k }: { kind: 'train' | 'discover'; k?: number }) => api.post<TopicJob>(`/topics/${kind}`, k ? { k } : {}),
    // A small job may be done by the time the overview is read again.
    onSuccess: changed,
  });
}

/** Whether a request was refused because the topic changed since it was read. */
export function isStale(error: unknown): boolean {
  return isApiError(error) && error.status === 409;
}

/** A conversation's topic and where it came from (an audited read). */
export function useConversationTopic(conversationId: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.conversationTopic(conversationId),
    queryFn: ({ signal }) => api.get<ConversationTopic>(`/conversations/${conversationId}/topic`, undefined, signal),
    enabled: enabled && conversationId > 0,
  });
}

/** An agent's choice of topic (`null`: none fits); a label the classifier never overwrites. */
export function useSetConversationTopic(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (topicId: number | null) => api.put<ConversationTopic>(`/conversations/${conversationId}/topic`, { topic_id: topicId }),
    onSuccess: (topic) => {
      qc.setQueryData(queryKeys.conversationTopic(conversationId), topic);
      void qc.invalidateQueries({ queryKey: queryKeys.topics });
    },
  });
}
