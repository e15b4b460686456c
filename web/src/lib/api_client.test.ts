import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '@/testing/render';
import { ApiError, api, buildUrl, onUnauthorized, problemFromResponse, setCsrfToken } from './api_client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onUnauthorized(null);
});

describe('problemFromResponse', () => {
  it('reads type, title, detail and field errors from problem+json', async () => {
    const err = await problemFromResponse(
      problem(400, {
        type: 'https://luister.dev/problems/validation',
        title: 'Invalid request',
        detail: 'the customer is not valid',
        errors: [
          { field: 'name', message: 'is required' },
          { field: 'identities[0].value', message: "must contain exactly one '@'" },
        ],
      }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.type).toBe('https://luister.dev/problems/validation');
    expect(err.detail).toBe('the customer is not valid');
    expect(err.errors).toHaveLength(2);
    expect(err.fieldMessage('name')).toBe('is required');
    expect(err.fieldMessage('identities')).toBe("must contain exactly one '@'");
    expect(err.fieldMessage('segment')).toBeUndefined();
  });

  it('reads Retry-After seconds on 429', async () => {
    const err = await problemFromResponse(
      problem(429, { title: 'Too many requests', detail: 'too many login attempts' }, { 'Retry-After': '300' }),
    );
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(300);
  });

  it('keeps the whole body for members beyond the standard ones', async () => {
    const err = await problemFromResponse(problem(409, { title: 'Conflict', detail: 'changed meanwhile', current: { id: 4, version: 3 } }));
    expect(err.problem?.current).toEqual({ id: 4, version: 3 });
  });

  it('copes with a body that is not JSON', async () => {
    const err = await problemFromResponse(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    expect(err.status).toBe(502);
    expect(err.errors).toEqual([]);
    expect(err.problem).toBeNull();
  });
});

describe('request', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-1');
    await api.get('/departments');
    await api.post('/departments', { name: 'Sales' });
    const getHeaders = fetchMock.mock.calls[0][1].headers as Record<string, string>;
    const postInit = fetchMock.mock.calls[1][1] as RequestInit;
    expect(getHeaders['X-CSRF-Token']).toBeUndefined();
    expect((postInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-1');
    expect(postInit.body).toBe('{"name":"Sales"}');
    expect(postInit.credentials).toBe('same-origin');
  });

  it('replaces a resource with PUT, as JSON with the CSRF token', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ configured: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-3');
    await api.put('/departments/2/hours', { time_zone: 'Europe/Amsterdam' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/departments/2/hours');
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"time_zone":"Europe/Amsterdam"}');
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-CSRF-Token']).toBe('tok-3');
  });

  it('sends a raw body as it is, with its own Content-Type and the CSRF token', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ sha256: 'ab' }, 201));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-2');
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    await api.postRaw('/uploads', file, 'application/pdf', { filename: 'a b.pdf' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/uploads?filename=a+b.pdf');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/pdf');
    expect(headers['X-CSRF-Token']).toBe('tok-2');
  });

  it('rejects with the parsed problem and reports 401 outside the session endpoint', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problem(401, { title: 'Authentication required', detail: 'log in' })));
    await expect(api.get('/conversations')).rejects.toMatchObject({ status: 401, detail: 'log in' });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(api.get('/session')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/users')).rejects.toMatchObject({ status: 0, type: 'network' });
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(api.delete('/session')).resolves.toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('drops empty parameters', () => {
    expect(buildUrl('/conversations', { status: 'open', tag: '', queue_id: undefined, limit: 50 })).toBe(
      '/api/v1/conversations?status=open&limit=50',
    );
  });
});
