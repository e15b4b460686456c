// One reconnecting WebSocket to /api/v1/live (docs/live-events.md).
// Contract: after start(), it connects; whenever the socket closes it
// reconnects after backoffDelay(attempt) with `since` = the last seq seen, so
// the server replays what was missed; a `reset` frame (or a server whose
// sequence went backwards) calls onReset so the caller refetches everything.
// Events are delivered once, in seq order. stop() closes it for good.

export interface LiveEvent {
  seq: number;
  type: string;
  at?: string;
  conversation_id?: number;
  customer_id?: number;
  message_id?: number;
  department_id?: number;
  user_id?: number; // chat.updated, chat.typing: the agent; promise.changed, promise.due: the owner; promise.overdue: whom it is escalated to
}

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

/** The part of the browser WebSocket this class uses, so tests can fake it. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export interface LiveSocketOptions {
  url: (since: number | null) => string;
  onEvent: (event: LiveEvent) => void;
  onReset: () => void;
  onStatus?: (status: LiveStatus) => void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** 1 s doubling to 30 s, each with ±20 % jitter so tabs do not reconnect in step. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  minDelayMs = 1000,
  maxDelayMs = 30_000,
): number {
  const base = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function liveUrl(since: number | null, loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/api/v1/live${since == null ? '' : `?since=${since}`}`;
}

export class LiveSocket {
  private readonly opts: LiveSocketOptions;
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private lastSeq: number | null = null;
  private stopped = true;
  private everConnected = false;

  constructor(opts: LiveSocketOptions) {
    this.opts = opts;
  }

  get since(): number | null {
    return this.lastSeq;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close();
    }
    this.opts.onStatus?.('stopped');
  }

  /** Reconnect at once (e.g. the browser came back online), skipping the wait. */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  private connect(): void {
    this.opts.onStatus?.(this.everConnected ? 'reconnecting' : 'connecting');
    const create = this.opts.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.opts.url(this.lastSeq));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => this.handleFrame(ev.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // a close event always follows; reconnecting is handled there
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.opts.onStatus?.('reconnecting');
    const delay = backoffDelay(
      this.attempt,
      this.opts.random,
      this.opts.minDelayMs ?? 1000,
      this.opts.maxDelayMs ?? 30_000,
    );
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private handleFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(data) as Record<string, unknown>;
    } catch {
      return;
    }
    if (frame.type === 'hello') {
      const seq = typeof frame.seq === 'number' ? frame.seq : null;
      this.attempt = 0;
      this.everConnected = true;
      this.opts.onStatus?.('connected');
      if (seq != null && (this.lastSeq == null || seq < this.lastSeq)) {
        // First connection, or a server that lost its history: start from its newest.
        const hadSeq = this.lastSeq != null;
        this.lastSeq = seq;
        if (hadSeq) this.opts.onReset();
      }
      return;
    }
    if (frame.type === 'reset') {
      this.opts.onReset();
      return;
    }
    if (typeof frame.seq !== 'number' || typeof frame.type !== 'string') return;
    if (this.lastSeq != null && frame.seq <= this.lastSeq) return;
    this.lastSeq = frame.seq;
    this.opts.onEvent(frame as unknown as LiveEvent);
  }
}
