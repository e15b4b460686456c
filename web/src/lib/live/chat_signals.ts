// What live chat events tell the open screens without a refetch: that the
// visitor of a chat is typing (for a few seconds), and that a new chat asks
// for an agent (a sound and a notification, when the agent wants them).
import { useSyncExternalStore } from 'react';
import type { LiveEvent } from './live_socket';

const TYPING_MS = 4000;
const typingUntil = new Map<number, number>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version++;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** True while the visitor of chat `conversationId` types (their last keystroke under 4 s ago). */
export function useVisitorTyping(conversationId: number): boolean {
  useSyncExternalStore(subscribe, () => version);
  return (typingUntil.get(conversationId) ?? 0) > Date.now();
}

const ALERT_KEY = 'luister.chatAlerts';

/** Whether this browser plays a sound and shows a notification for each new chat. */
export function chatAlertsOn(): boolean {
  try {
    return localStorage.getItem(ALERT_KEY) === '1';
  } catch {
    return false;
  }
}

export function setChatAlerts(on: boolean): void {
  try {
    if (on) localStorage.setItem(ALERT_KEY, '1');
    else localStorage.removeItem(ALERT_KEY);
  } catch {
    /* private mode: this page only */
  }
  if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
  changed();
}

export function useChatAlerts(): boolean {
  useSyncExternalStore(subscribe, () => version);
  return chatAlertsOn();
}

function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.1;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.2);
    osc.onended = () => void ctx.close();
  } catch {
    /* no audio: the notification and the list still show it */
  }
}

/** A sound, and a notification saying `title`, for a chat that waits (when the agent wants them). */
export function alertNewChat(title: string): void {
  if (!chatAlertsOn()) return;
  beep();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(title);
}

/**
 * Feeds a live event in. `onWaiting` hears of a chat that may wait for an
 * agent (chat.updated without an agent: new, back in the queue, or ended or
 * handed to e-mail before anyone took it), only while alerts are on.
 */
export function noteChatEvent(e: LiveEvent, onWaiting: (conversationId: number) => void): void {
  if (e.conversation_id == null) return;
  if (e.type === 'chat.typing' && e.user_id == null) {
    typingUntil.set(e.conversation_id, Date.now() + TYPING_MS);
    changed();
    setTimeout(changed, TYPING_MS + 50);
  }
  if (e.type === 'chat.updated' && e.user_id == null && chatAlertsOn()) onWaiting(e.conversation_id);
}
