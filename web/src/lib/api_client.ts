// The one HTTP client for /api/v1. Contract:
// - requests are same-origin with the session cookie; every non-GET request
//   carries X-CSRF-Token once setCsrfToken() was called after login;
// - a non-2xx answer rejects with ApiError, parsed from problem+json when the
//   server sent it (field errors in `errors`, Retry-After for 429, the whole
//   body in `problem`);
// - a network failure rejects with ApiError status 0;
// - a 401 on anything but the session endpoint calls the handler set with
//   onUnauthorized (the app sends the user to the login page).

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds to wait before retrying, from Retry-After (429). */
  readonly retryAfter: number | null;
  /** The whole problem+json body, for members beyond the standard ones (a promise's 409 carries `current`). */
  readonly problem: Record<string, unknown> | null;

  constructor(init: {
    status: number;
    type?: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    retryAfter?: number | null;
    problem?: Record<string, unknown> | null;
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title ?? '';
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.problem = init.problem ?? null;
  }

  /** The message for one field, matching `field` exactly or as a prefix (`tags` covers `tags[2]`). */
  fieldMessage(field: string): string | undefined {
    const hit = this.errors.find(
      (e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`),
    );
    return hit?.message;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, params?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Turns a failed Response into an ApiError, reading problem+json when present. */
export async function problemFromResponse(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let body: unknown = null;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = await res.json();
    } catch {
      body = null;
    }
  }
  if (body && typeof body === 'object') {
    const p = body as Record<string, unknown>;
    const errors = Array.isArray(p.errors)
      ? p.errors
          .filter((e): e is FieldError => !!e && typeof e === 'object' && 'field' in e)
          .map((e) => ({ field: String(e.field), message: String(e.message ?? '') }))
      : [];
    return new ApiError({
      status: typeof p.status === 'number' ? p.status : res.status,
      type: typeof p.type === 'string' ? p.type : undefined,
      title: typeof p.title === 'string' ? p.title : res.statusText,
      detail: typeof p.detail === 'string' ? p.detail : '',
      errors,
      retryAfter,
      problem: p,
    });
  }
  return new ApiError({ status: res.status, title: res.statusText, retryAfter });
}

export interface RequestOptions {
  params?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a file's bytes, or text such as CSV), with `type` as its Content-Type; instead of `body`. */
  raw?: { body: Blob | string; type: string };
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.raw) headers['Content-Type'] = opts.raw.type;
  else if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.params), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, type: 'network', title: 'Network error' });
  }
  if (!res.ok) {
    const error = await problemFromResponse(res);
    if (res.status === 401 && path !== '/session') unauthorizedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { params, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  /** POST with a raw body (an upload's bytes, or text) of Content-Type `type`. */
  postRaw: <T>(path: string, body: Blob | string, type: string, params?: Record<string, QueryValue>) =>
    request<T>('POST', path, { raw: { body, type }, params }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  /** Replaces a resource as a whole. */
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
