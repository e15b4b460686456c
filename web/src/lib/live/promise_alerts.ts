// Reminders the live stream brings the signed-in user about promises
// (docs/live-events.md): `promise.due` (one of theirs is due within the
// hour) and `promise.overdue` (one is past due, escalated to them). They
// wait in the shell until dismissed; the newest few are kept.
import { useMemo, useSyncExternalStore } from 'react';
import type { LiveEvent } from './live_socket';

export interface PromiseAlert {
  /** The event's sequence number: one alert per event. */
  seq: number;
  kind: 'due' | 'overdue';
  /** Whom it was sent to (alerts of an earlier login in this tab stay hidden). */
  userId: number;
  customerId?: number;
  conversationId?: number;
  /** The owning department. */
  departmentId?: number;
}

/** How many alerts are kept; older ones make way. */
export const MAX_PROMISE_ALERTS = 5;

let alerts: readonly PromiseAlert[] = [];
const listeners = new Set<() => void>();

function set(next: readonly PromiseAlert[]) {
  alerts = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Feeds a live event in: a due or overdue promise sent to `userId` becomes an alert. */
export function notePromiseEvent(e: LiveEvent, userId: number | null | undefined): void {
  if (userId == null || e.user_id !== userId) return;
  if (e.type !== 'promise.due' && e.type !== 'promise.overdue') return;
  if (alerts.some((a) => a.seq === e.seq)) return;
  const alert: PromiseAlert = {
    seq: e.seq,
    kind: e.type === 'promise.due' ? 'due' : 'overdue',
    userId,
    customerId: e.customer_id,
    conversationId: e.conversation_id,
    departmentId: e.department_id,
  };
  set([...alerts, alert].slice(-MAX_PROMISE_ALERTS));
}

export function dismissPromiseAlert(seq: number): void {
  if (alerts.some((a) => a.seq === seq)) set(alerts.filter((a) => a.seq !== seq));
}

/** Forgets every alert (tests; a new login). */
export function clearPromiseAlerts(): void {
  if (alerts.length > 0) set([]);
}

/** The alerts for `userId`, oldest first. */
export function usePromiseAlerts(userId: number | null | undefined): readonly PromiseAlert[] {
  const all = useSyncExternalStore(subscribe, () => alerts);
  return useMemo(() => all.filter((a) => a.userId === userId), [all, userId]);
}
