import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { Activity } from '@/types/api';
import { describeActivity } from './activity_text';

const base: Activity = {
  id: 1,
  customer_id: 3,
  at: '2026-11-30T10:00:00.000Z',
  kind: 'status_changed',
  channel: 'email',
  department_id: 2,
  conversation_id: 4,
  message_id: null,
  direction: null,
  actor_user_id: 7,
  params: {},
  summary: '',
};
const users = (id: number | null | undefined) => (id === 7 ? 'Sanne de Vries' : undefined);
const departments = (id: number | null | undefined) => ({ 2: 'Klantenservice', 5: 'Verkoop' } as Record<number, string>)[id ?? 0];

function text(lang: 'en' | 'nl', a: Partial<Activity>) {
  return describeActivity({ ...base, ...a }, i18n.getFixedT(lang), users, departments, { lang, timeZone: 'Europe/Amsterdam' });
}

describe('describeActivity', () => {
  it('words a status change in the reader\'s language with translated statuses', () => {
    const a = { kind: 'status_changed' as const, params: { from: 'waiting_on_us' as const, to: 'resolved' as const } };
    expect(text('en', a)).toBe('Status changed from Waiting on us to Resolved');
    expect(text('nl', a)).toBe('Status gewijzigd van Wachten op ons naar Opgelost');
  });

  it('names the assignee from the directory, or says who by id when unknown', () => {
    expect(text('nl', { kind: 'assigned', params: { assignee_id: 7 } })).toBe('Toegewezen aan Sanne de Vries');
    expect(text('en', { kind: 'assigned', params: { assignee_id: 99 } })).toBe('Assigned to user 99');
    expect(text('nl', { kind: 'assigned', params: { previous_assignee_id: 7 } })).toBe('Toewijzing opgeheven');
  });

  it('words a call with its outcome, wait and length, and a missed one without a length', () => {
    const answered = { kind: 'call' as const, channel: 'phone' as const, params: { call_id: 5, outcome: 'answered' as const, wait_seconds: 42, talk_seconds: 305 } };
    expect(text('en', answered)).toBe('Answered · waited 0:42 · talked 5:05');
    expect(text('nl', answered)).toBe('Beantwoord · wachttijd 0:42 · gesprek 5:05');
    const missed = { kind: 'call' as const, params: { outcome: 'abandoned' as const, wait_seconds: 3700, talk_seconds: 0 } };
    expect(text('en', missed)).toBe('Hung up while waiting · waited 1:01:40');
    expect(text('nl', { kind: 'call', params: {} })).toBeUndefined();
    // A call out waited in no queue.
    expect(text('en', { kind: 'call', direction: 'out', params: { outcome: 'answered', wait_seconds: 0, talk_seconds: 180 } })).toBe('Answered · talked 3:00');
    expect(text('nl', { kind: 'call', direction: 'out', params: { outcome: 'no_answer', wait_seconds: 0, talk_seconds: 0 } })).toBe('Geen gehoor');
  });

  it('words hand-overs and merges', () => {
    expect(text('nl', { kind: 'handover', params: { from_department_id: 2, to_department_id: 5 } })).toBe(
      'Overgedragen van Klantenservice naar Verkoop',
    );
    expect(text('en', { kind: 'merged', params: { source_id: 12, source_name: 'J. Jansen' } })).toBe(
      'Merged J. Jansen (customer 12) into this customer',
    );
  });

  it('words promises made, kept, broken, renegotiated and cancelled, ours and the customer\'s', () => {
    const made = { kind: 'promise' as const, summary: 'Terugbellen over de lekkende fles', params: { promise_id: 8, action: 'made' as const, by: 'us' as const, kind: 'callback' as const, status: 'open' as const, due_end: '2026-12-08T11:00:00.000Z' } };
    expect(text('nl', made)).toBe('Belofte gedaan: terugbellen, uiterlijk di 8 dec 12:00');
    expect(text('en', made)).toBe('Promise made: callback, due Tue 8 Dec 12:00');
    const moved = { ...made, params: { ...made.params, action: 'renegotiated' as const, status: 'renegotiated' as const, due_end: '2026-12-11T16:00:00.000Z' } };
    expect(text('nl', moved)).toBe('Belofte verzet: terugbellen, nu uiterlijk vr 11 dec 17:00');
    expect(text('en', moved)).toBe('Promise renegotiated: callback, now due Fri 11 Dec 17:00');
    // Closing it says no due moment; a promise without one says none.
    expect(text('nl', { ...made, params: { ...made.params, action: 'kept', status: 'kept' } })).toBe('Belofte nagekomen: terugbellen');
    expect(text('en', { ...made, params: { ...made.params, action: 'broken', status: 'broken' } })).toBe('Promise broken: callback');
    expect(text('en', { ...made, params: { ...made.params, action: 'cancelled', status: 'cancelled' } })).toBe('Promise cancelled: callback');
    expect(text('en', { ...made, params: { promise_id: 8, action: 'made', by: 'us', kind: 'refund', status: 'open' } })).toBe('Promise made: refund');

    // "I pay by Friday": due before Saturday 00:00, so it reads as Friday.
    const theirs = { kind: 'promise' as const, params: { promise_id: 9, action: 'made' as const, by: 'customer' as const, kind: 'payment' as const, status: 'open' as const, due_end: '2026-12-04T23:00:00.000Z' } };
    expect(text('nl', theirs)).toBe('Afspraak klant: betaling, uiterlijk vr 4 dec');
    expect(text('en', theirs)).toBe("Customer's commitment: payment, due Fri 4 Dec");
    expect(text('nl', { ...theirs, params: { ...theirs.params, action: 'broken', status: 'broken' } })).toBe('Afspraak klant niet nagekomen: betaling');
    expect(text('en', { ...theirs, params: { ...theirs.params, action: 'kept', status: 'kept' } })).toBe('Customer kept their commitment: payment');
    expect(text('en', { kind: 'promise', params: {} })).toBeUndefined();
  });

  it('leaves contacts and entries without params to their summary', () => {
    expect(text('nl', { kind: 'message', summary: 'Waar blijft mijn pakket?' })).toBeUndefined();
    expect(text('en', { kind: 'status_changed', summary: 'Status changed from new to open' })).toBeUndefined();
    expect(text('en', { kind: 'assigned', summary: 'Assigned to Someone' })).toBeUndefined();
  });
});
