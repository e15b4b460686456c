import type { TFunction } from 'i18next';
import { formatDue } from '@/lib/format';
import type { Language, NewPromise, PromiseKind, PromiseParty, PromiseSuggestion } from '@/types/api';
import { inputsFromDue } from './due';
import type { PromiseDraft } from './new_promise_form';

/** A suggestion that commits someone to something: who, and what kind. */
export interface Commitment {
  by: PromiseParty;
  kind: PromiseKind;
  what: string;
  dueStart?: string;
  dueEnd?: string;
  asap: boolean;
}

/** The commitment of a suggestion, or null when the text commits nobody. */
export function commitmentOf(s: PromiseSuggestion | undefined): Commitment | null {
  if (!s?.commitment || !s.by || !s.kind) return null;
  return {
    by: s.by,
    kind: s.kind,
    what: (s.sentence ?? '').trim(),
    dueStart: s.due?.start,
    dueEnd: s.due?.end,
    asap: s.asap,
  };
}

/**
 * "This reply promises: callback, due Sat 5 Dec 12:00", "The customer
 * commits to: payment, as soon as possible", in the UI language.
 */
export function commitmentLine(t: TFunction, c: Commitment, lang: Language): string {
  const kind = t(`promises.suggestion.kind.${c.kind}`);
  const what = c.dueEnd
    ? t('promises.suggestion.kindDue', { kind, due: formatDue(c.dueEnd, lang) })
    : c.asap
      ? t('promises.suggestion.kindAsap', { kind })
      : kind;
  return t(c.by === 'us' ? 'promises.suggestion.ours' : 'promises.suggestion.theirs', { what });
}

/** The promise one click records: the sentence that commits, due as read, from that message. */
export function promiseFromCommitment(c: Commitment, at: { customerId: number; conversationId: number; messageId: number }): NewPromise {
  return {
    customer_id: at.customerId,
    conversation_id: at.conversationId,
    message_id: at.messageId,
    by: c.by,
    kind: c.kind,
    what: c.what,
    ...(c.dueEnd && c.dueStart ? { due_start: c.dueStart } : {}),
    ...(c.dueEnd ? { due_end: c.dueEnd } : {}),
  };
}

/** The "New promise" form filled in with the suggestion, to correct it. */
export function draftFromCommitment(c: Commitment): PromiseDraft {
  const due = c.dueEnd ? inputsFromDue(c.dueEnd) : { date: '', time: '' };
  return { by: c.by, kind: c.kind, what: c.what, ...due, ...(c.dueEnd && c.dueStart ? { dueStart: c.dueStart } : {}) };
}
