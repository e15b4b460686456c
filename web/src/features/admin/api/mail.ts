import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type {
  Delivery,
  List,
  Mailbox,
  MailboxPatch,
  MailboxPollResult,
  MailboxTestRequest,
  MailboxTestResult,
  NewMailbox,
  OutboxItem,
  Page,
  QuarantinedMail,
  QuarantineReprocessed,
  QuarantineState,
} from '@/types/api';

// The e-mail channel's admin API (`manage_channels`): IMAP/SMTP mailboxes,
// the mail quarantine and the outbox. Mailbox health and replies' delivery
// change in the background (jobs poll and send), so those lists refresh
// themselves while they are shown.

const mailboxRefresh = 20_000;

/**
 * A new mailbox as the form sends it: `queue_id` and `secret` are left out
 * until given (the server then names them as missing).
 */
export type MailboxInput = Omit<NewMailbox, 'secret' | 'queue_id'> & { secret?: string; queue_id?: number };

export function useMailboxes(enabled = true) {
  return useQuery({
    queryKey: queryKeys.mailboxes,
    queryFn: ({ signal }) => api.get<List<Mailbox>>('/mailboxes', undefined, signal),
    select: (d) => d.items,
    refetchInterval: mailboxRefresh,
    enabled,
  });
}

export function useCreateMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: MailboxInput) => api.post<Mailbox>('/mailboxes', m),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}

export function useUpdateMailbox(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: MailboxPatch) => api.patch<Mailbox>(`/mailboxes/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}

export function useDeleteMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/mailboxes/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}

/** "Fetch now": the mailbox's next round is due at once; the list shows its outcome when it refreshes. */
export function usePollMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<MailboxPollResult>(`/mailboxes/${id}/poll`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}

/** Logs in with the settings given (a saved mailbox's stored password when `mailbox_id` is given without `secret`). */
export function useTestMailbox() {
  return useMutation({
    mutationFn: (body: MailboxTestRequest) => api.post<MailboxTestResult>('/mailboxes/test', body),
  });
}

/** Quarantined mail in `state` (undefined: every state), newest first. */
export function useQuarantine(state: QuarantineState | undefined) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.quarantine, 'list', state ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<QuarantinedMail>>('/mail/quarantine', { state: state ?? 'all', limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The largest count the held badge spells out; beyond it, "200+". */
export const HELD_COUNT_LIMIT = 200;

/** How much mail waits in the quarantine (counted up to one page of HELD_COUNT_LIMIT). */
export function useHeldQuarantineCount(enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.quarantine, 'held-count'],
    queryFn: ({ signal }) =>
      api.get<Page<QuarantinedMail>>('/mail/quarantine', { state: 'held', limit: HELD_COUNT_LIMIT }, signal),
    select: (d) => ({ count: d.items.length, more: d.next_cursor !== null }),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useDiscardQuarantined() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<QuarantinedMail>(`/mail/quarantine/${id}/discard`),
    // Also after a 409: another admin resolved it meanwhile.
    onSettled: () => void qc.invalidateQueries({ queryKey: queryKeys.quarantine }),
  });
}

export function useReprocessQuarantined() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<QuarantineReprocessed>(`/mail/quarantine/${id}/reprocess`),
    onSettled: (result) => {
      void qc.invalidateQueries({ queryKey: queryKeys.quarantine });
      if (result) void qc.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}

/** Replies the desk could not send, for the admin to look at: `failed` or `uncertain`. */
export type UnsentState = Extract<Delivery, 'failed' | 'uncertain'>;

const outboxRefresh = 30_000;

/** The outbox's replies in `state`, newest first, with their errors (an audited read). */
export function useOutbox(state: UnsentState) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.outbox, 'list', state],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OutboxItem>>('/mail/outbox', { state, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: outboxRefresh,
  });
}

/** The largest count the unsent badge spells out per state; beyond it, "200+". */
export const UNSENT_COUNT_LIMIT = 200;

/** How many replies failed or are uncertain (each counted up to one page of UNSENT_COUNT_LIMIT). */
export function useUnsentCount(enabled = true) {
  const one = (state: UnsentState) => ({
    queryKey: [...queryKeys.outbox, 'count', state],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Page<OutboxItem>>('/mail/outbox', { state, limit: UNSENT_COUNT_LIMIT }, signal),
    refetchInterval: 60_000,
    enabled,
  });
  const failed = useQuery(one('failed'));
  const uncertain = useQuery(one('uncertain'));
  const count = (failed.data?.items.length ?? 0) + (uncertain.data?.items.length ?? 0);
  const more = (failed.data?.next_cursor ?? null) !== null || (uncertain.data?.next_cursor ?? null) !== null;
  return { count, more };
}

/** "Retry": a failed or uncertain reply is queued again (409 when it is not failed or uncertain any more). */
export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.post<OutboxItem>(`/mail/outbox/${messageId}/retry`),
    // Also after a 409: someone else retried it meanwhile.
    onSettled: (item) => {
      void qc.invalidateQueries({ queryKey: queryKeys.outbox });
      if (item) void qc.invalidateQueries({ queryKey: queryKeys.messages(item.conversation_id) });
    },
  });
}

/**
 * "Dismiss": nobody sends a failed or uncertain reply (it becomes `cancelled`);
 * with `arrived`, an uncertain reply the customer confirmed receiving becomes
 * `sent` (409 for a failed one, or when it is not failed or uncertain any more).
 */
export function useDismissOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, arrived }: { messageId: number; arrived?: boolean }) =>
      api.post<OutboxItem>(`/mail/outbox/${messageId}/dismiss`, arrived ? { arrived: true } : {}),
    // Also after a 409: someone else acted on it meanwhile.
    onSettled: (item) => {
      void qc.invalidateQueries({ queryKey: queryKeys.outbox });
      if (item) void qc.invalidateQueries({ queryKey: queryKeys.messages(item.conversation_id) });
    },
  });
}
