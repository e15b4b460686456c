import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveSocket, liveUrl, type SocketLike } from './live_socket';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  send(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const onEvent = vi.fn();
  const onReset = vi.fn();
  const onStatus = vi.fn();
  const live = new LiveSocket({
    url: (since) => (since == null ? '/live' : `/live?since=${since}`),
    onEvent,
    onReset,
    onStatus,
    random: () => 0.5,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
  });
  return { live, sockets, onEvent, onReset, onStatus, last: () => sockets[sockets.length - 1] };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('backoffDelay', () => {
  it('doubles from 1 s to 30 s', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('adds at most ±20 % jitter', () => {
    expect(backoffDelay(0, () => 0)).toBe(800);
    expect(backoffDelay(0, () => 1)).toBe(1200);
    expect(backoffDelay(9, () => 1)).toBe(36000);
  });
});

describe('LiveSocket', () => {
  it('connects without since, then delivers events in order once', () => {
    const { live, last, onEvent, onStatus } = setup();
    live.start();
    expect(last().url).toBe('/live');
    last().send({ type: 'hello', seq: 10 });
    expect(onStatus).toHaveBeenLastCalledWith('connected');
    last().send({ seq: 11, type: 'message.created', conversation_id: 17, customer_id: 5 });
    last().send({ seq: 11, type: 'message.created', conversation_id: 17, customer_id: 5 });
    last().send({ seq: 12, type: 'conversation.updated', conversation_id: 17 });
    expect(onEvent.mock.calls.map((c) => c[0].seq)).toEqual([11, 12]);
    expect(live.since).toBe(12);
  });

  it('reconnects with back-off and ?since= the last seq seen', () => {
    const { live, sockets, last, onStatus } = setup();
    live.start();
    last().send({ type: 'hello', seq: 40 });
    last().send({ seq: 41, type: 'customer.updated', customer_id: 3 });
    last().drop();
    expect(onStatus).toHaveBeenLastCalledWith('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('/live?since=41');
    // fails again before hello: the wait doubles
    last().drop();
    vi.advanceTimersByTime(1999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    // a hello resets the back-off
    last().send({ type: 'hello', seq: 41 });
    last().drop();
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(4);
  });

  it('caps the wait at 30 s', () => {
    const { live, sockets, last } = setup();
    live.start();
    for (let i = 0; i < 8; i++) {
      last().drop();
      vi.runOnlyPendingTimers();
    }
    const before = sockets.length;
    last().drop();
    vi.advanceTimersByTime(29_999);
    expect(sockets).toHaveLength(before);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(before + 1);
  });

  it('asks the caller to refetch everything on reset', () => {
    const { live, last, onReset, onEvent } = setup();
    live.start();
    last().send({ type: 'hello', seq: 5 });
    last().send({ type: 'reset' });
    expect(onReset).toHaveBeenCalledTimes(1);
    last().send({ seq: 6, type: 'conversation.created', conversation_id: 1 });
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('treats a server whose sequence went backwards as a reset', () => {
    const { live, last, onReset, onEvent } = setup();
    live.start();
    last().send({ type: 'hello', seq: 100 });
    last().drop();
    vi.advanceTimersByTime(1000);
    last().send({ type: 'hello', seq: 3 });
    expect(onReset).toHaveBeenCalledTimes(1);
    last().send({ seq: 4, type: 'message.created', conversation_id: 2 });
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('ignores frames that are not JSON events', () => {
    const { live, last, onEvent } = setup();
    live.start();
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: JSON.stringify({ hello: 1 }) });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('stops for good', () => {
    const { live, sockets, last } = setup();
    live.start();
    const s = last();
    live.stop();
    expect(s.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('liveUrl', () => {
  it('uses ws or wss like the page', () => {
    expect(liveUrl(null, { protocol: 'http:', host: 'desk.example:8090' })).toBe('ws://desk.example:8090/api/v1/live');
    expect(liveUrl(7, { protocol: 'https:', host: 'desk.example' })).toBe('wss://desk.example/api/v1/live?since=7');
  });
});
