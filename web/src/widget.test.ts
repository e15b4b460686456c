import { afterEach, describe, expect, it, vi } from 'vitest';
import widgetSource from '../public/widget.js?raw';

// The embeddable chat widget (public/widget.js, plain JavaScript served as
// it is) in jsdom, without a server: what it tells a visitor before anyone
// answers. The real browser and server run in e2e/widget.test.js.

interface Frame {
  type: string;
  [key: string]: unknown;
}

class FakeSocket {
  static last: FakeSocket | null = null;
  sent: Frame[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Frame);
  }
  receive(frame: Frame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const config = { slug: 'kettles', name: 'Kettle help', privacy_url: '', live: '/api/v1/widget/kettles/live' };
// Monday 7 December 2026 at noon UTC: Monday 7 December in any zone within ±11 hours.
const monday = '2026-12-07T12:00:00Z';

function load(answer: Record<string, unknown>, lang = 'en') {
  document.documentElement.lang = lang;
  const script = document.createElement('script');
  script.src = 'https://desk.example/widget.js';
  script.dataset.queue = 'kettles';
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ ...config, ...answer }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  vi.stubGlobal('WebSocket', FakeSocket);
  new Function(widgetSource)();
  const root = document.querySelector('[data-luister-chat]')!.shadowRoot!;
  return { root, status: root.querySelector('.status')!, callback: root.querySelector<HTMLElement>('.cb')! };
}

/** The time the widget shows for `iso`: the visitor's own zone. */
const localTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

afterEach(() => {
  document.querySelector('[data-luister-chat]')?.remove();
  delete (window as { __luisterChat?: boolean }).__luisterChat;
  delete (document as { currentScript?: unknown }).currentScript;
  FakeSocket.last = null;
  vi.unstubAllGlobals();
});

describe('chat widget', () => {
  it('says someone is there when the team is open and in', async () => {
    const { status, callback } = load({ available: true, open: true, opens_at: null });
    await vi.waitFor(() => expect(status.textContent).toBe('Someone is here to help you now.'));
    expect(callback.hidden).toBe(true);
  });

  it('says nobody is available while open, and offers e-mail and a call back', async () => {
    const { status, callback } = load({ available: false, open: true, opens_at: null });
    await vi.waitFor(() => expect(status.textContent).toBe('Nobody is available right now. Leave your e-mail address and we will answer by e-mail.'));
    expect(callback.hidden).toBe(false);
  });

  it('says plainly that the team is closed and when it is back, in English', async () => {
    const { status, callback } = load({ available: false, open: false, opens_at: monday });
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        `We're closed. We're back on Monday 7 December at ${localTime(monday)}. Leave your e-mail address and we will answer by e-mail.`,
      ),
    );
    expect(callback.hidden).toBe(false);
  });

  it('and in Dutch', async () => {
    const { status } = load({ available: false, open: false, opens_at: monday }, 'nl');
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        `We zijn gesloten. We zijn er weer op maandag 7 december om ${localTime(monday)}. Laat uw e-mailadres achter: u krijgt antwoord per e-mail.`,
      ),
    );
  });

  it('says closed without a time when it does not know when it opens', async () => {
    const { status } = load({ available: false, open: false, opens_at: null });
    await vi.waitFor(() => expect(status.textContent).toBe("We're closed. Leave your e-mail address and we will answer by e-mail."));
  });

  it('tells a waiting visitor when the team has closed, beside the place in the queue', async () => {
    const { root, status } = load({ available: false, open: false, opens_at: monday });
    await vi.waitFor(() => expect(status.textContent).toMatch(/^We're closed/));
    root.querySelector('textarea')!.value = 'My kettle leaks.';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const socket = FakeSocket.last!;
    expect(socket.url).toBe('wss://desk.example/api/v1/widget/kettles/live?lang=en');
    socket.onopen?.();
    expect(socket.sent[0]).toMatchObject({ type: 'start', text: 'My kettle leaks.' });
    socket.receive({ type: 'queue', position: 2, expected_wait_seconds: null, agents_online: false, open: false });
    expect(status.textContent).toBe(`You are number 2 in the queue. We're closed. We're back on Monday 7 December at ${localTime(monday)}.`);
    socket.receive({ type: 'queue', position: 1, expected_wait_seconds: 120, agents_online: false, open: true });
    expect(status.textContent).toBe('You are number 1 in the queue; expected wait about 2 min. Nobody is available right now.');
    socket.receive({ type: 'queue', position: 1, expected_wait_seconds: null, agents_online: true, open: true });
    expect(status.textContent).toBe('You are number 1 in the queue.');
  });
});
