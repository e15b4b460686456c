import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, isApiError, request } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type {
  KeepPromise,
  NewPromise,
  Page,
  PromiseMeasureGroup,
  PromiseMeasures,
  PromiseNote,
  PromiseNotified,
  PromiseParty,
  PromiseRecord,
  PromiseSuggestion,
  RenegotiatePromise,
  SuggestPromise,
} from '@/types/api';

export interface PromiseFilters {
  customer_id?: number;
  conversation_id?: number;
  /** `all` adds the closed ones (kept, broken, cancelled); live only by default. */
  status?: 'live' | 'all';
}

/** Promises of a customer or a conversation, both ways, due first; one page of up to 200 (live ones unless `status: 'all'`). */
export function usePromises({ status = 'live', ...filters }: PromiseFilters) {
  return useQuery({
    queryKey: queryKeys.promiseList({ ...filters, status }),
    queryFn: ({ signal }) => api.get<Page<PromiseRecord>>('/promises', { ...filters, status, limit: 200 }, signal),
    select: (d) => d.items,
    enabled: (filters.customer_id ?? filters.conversation_id ?? 0) > 0,
  });
}

/** What the promises page asks for (`GET /promises`): whose, and due when; live ones only. */
export interface PromiseListFilters {
  owner?: 'me';
  /** Promises (both ways) of the customers the caller is account manager of. */
  account_manager?: 'me';
  department_id?: number;
  due?: 'overdue' | 'today' | 'week';
}

/** How many promises the promises page loads at a time (each row may read its customer's name). */
export const PROMISE_PAGE_SIZE = 25;

/** Live promises across customers, due first, page by page (`next_cursor`). */
export function usePromisePages(filters: PromiseListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.promisePages(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PromiseRecord>>('/promises', { ...filters, status: 'live', limit: PROMISE_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** What the measures are asked for (`GET /promises/measures`): per what, whose promises, and the promises made from `from` to `to`. */
export interface PromiseMeasuresQuery {
  group: PromiseMeasureGroup;
  by: PromiseParty;
  from: string;
  to: string;
}

/** How well promises are kept, one row per group (aggregates only); the last answer stays while the next is asked. */
export function usePromiseMeasures(query: PromiseMeasuresQuery) {
  return useQuery({
    queryKey: queryKeys.promiseMeasures(query),
    queryFn: ({ signal }) => api.get<PromiseMeasures>('/promises/measures', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The promises a conversation's messages made, live and closed, by message
 * id (a message may have made several), for the thread to mark them.
 */
export function useMessagePromises(conversationId: number, enabled = true) {
  const { data } = usePromises({ conversation_id: enabled ? conversationId : 0, status: 'all' });
  return useMemo(() => {
    const byMessage = new Map<number, PromiseRecord[]>();
    for (const p of data ?? []) {
      if (p.message_id == null || p.conversation_id !== conversationId) continue;
      const list = byMessage.get(p.message_id);
      if (list) list.push(p);
      else byMessage.set(p.message_id, [p]);
    }
    return byMessage;
  }, [data, conversationId]);
}

/** Records a promise of ours or of the customer's; it shows in the lists and on the timeline. */
export function useCreatePromise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: NewPromise) => api.post<PromiseRecord>('/promises', p),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: queryKeys.promises });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(p.customer_id) });
    },
  });
}

/**
 * What a text promises (`POST /promises/suggest`: it stores nothing, so it is
 * read like a query and cached per text). Off for null or blank text. With
 * `keepPrevious` the last answer stays while the next is asked (a hint that
 * follows typing does not flicker).
 */
export function usePromiseSuggestion(input: SuggestPromise | null, { keepPrevious = false }: { keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.promiseSuggestion(input ?? {}),
    queryFn: ({ signal }) => request<PromiseSuggestion>('POST', '/promises/suggest', { body: input, signal }),
    enabled: input !== null && input.text.trim() !== '',
    staleTime: 60_000,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/** What can happen to a live promise, each naming the version the person saw. */
export type PromiseChange =
  | { action: 'keep'; body: KeepPromise }
  | { action: 'break'; body: PromiseNote }
  | { action: 'cancel'; body: PromiseNote }
  | { action: 'renegotiate'; body: RenegotiatePromise };

/** Keeps, breaks, cancels or renegotiates a promise. A refusal (409) refetches the lists too: they are stale. */
export function useChangePromise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: PromiseChange }) =>
      api.post<PromiseRecord>(`/promises/${id}/${change.action}`, change.body),
    onSuccess: (p) => void qc.invalidateQueries({ queryKey: queryKeys.timeline(p.customer_id) }),
    onSettled: () => void qc.invalidateQueries({ queryKey: queryKeys.promises }),
  });
}

/** What the customer hears of a promise: a confirmation, or a gentle reminder of what they took on. */
export type PromiseNotice = 'confirm' | 'remind-customer';

/** Sends the customer a confirmation or a gentle reminder (their own channel, else e-mail); the promise's history and the conversation show it. */
/**
 * Send a confirmation or a gentle reminder. `onNotified` is told here, with
 * the mutation, not per call: the row that asked is redrawn when the
 * promise's version moves on (a live event can do that before the answer
 * arrives), and a per-call callback dies with it.
 */
export function useNotifyPromise(onNotified?: (sent: PromiseNotified) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, notice }: { id: number; notice: PromiseNotice }) => api.post<PromiseNotified>(`/promises/${id}/${notice}`, {}),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(p.customer_id) });
      void qc.invalidateQueries({ queryKey: queryKeys.promises });
      onNotified?.(p);
    },
  });
}

/** The promise as it is now, from a refused change (409: changed meanwhile, or closed already). */
export function currentFromConflict(error: unknown): PromiseRecord | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.problem?.current;
  return current && typeof current === 'object' ? (current as PromiseRecord) : null;
}
