import { vi } from 'vitest';
import { problem } from './render';

// A stand-in for the server in component tests: `fetch` answers by
// "METHOD /path" (the API path without /api/v1 and without the query), and
// every request is recorded. A route nobody stubbed answers 404, so a test
// sees what the component asked for that it did not expect.

/** One request as the component sent it. */
export interface StubbedRequest {
  key: string; // "POST /mail/outbox/41/retry"
  query: URLSearchParams;
  body: unknown; // the parsed JSON body, or the text of any other (a CSV), if any
}

export type RouteHandler = (request: StubbedRequest) => Response | Promise<Response>;

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Stubs the global fetch with `routes`; the returned list fills with every request, in order. */
export function stubApi(routes: Record<string, RouteHandler>): StubbedRequest[] {
  const calls: StubbedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation(async (url: string, init?: RequestInit) => {
      const [path, qs] = url.replace('/api/v1', '').split('?');
      const body: unknown = typeof init?.body === 'string' && init.body !== '' ? parseBody(init.body) : undefined;
      const request = { key: `${init?.method ?? 'GET'} ${path}`, query: new URLSearchParams(qs), body };
      calls.push(request);
      const handler = routes[request.key];
      return handler ? handler(request) : problem(404, { title: 'Not found', detail: `${request.key} not stubbed` });
    }),
  );
  return calls;
}
