import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock';
import { createTestConfig } from '../testing/test-config';
import { createHttpTransport } from './http-transport';
import type { TransportAuth } from './transport-auth';

// What the transport hands to fetch, and how it reads the answer, now that it calls fetch directly (no ofetch).

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
}

function recordingFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const entry = { url: String(input), init, headers: new Headers(init.headers) };
    sent.push(entry);
    return answer(entry);
  }) as typeof fetch;
  return { fetchImpl, sent };
}

const auth: TransportAuth = { headers: async () => ({ Authorization: 'Bearer tok_secret_value' }), onUnauthorized: async () => false, secrets: () => ['tok_secret_value'] };

function transport(fetchImpl: typeof fetch, followRedirects?: boolean) {
  return createHttpTransport({ config: createTestConfig({ maxRetries: 0 }), auth, fetch: fetchImpl, clock: createManualClock({ autoAdvance: true }), followRedirects });
}

describe('createHttpTransport over fetch', () => {
  it('sends a JSON body as JSON, with Accept and Content-Type, and appends the query', async () => {
    const { fetchImpl, sent } = recordingFetch(() => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
    const response = await transport(fetchImpl).request({ method: 'POST', url: 'https://api.example.test/v1/sessions?a=1', query: { b: '2', c: undefined }, body: { templates: ['soap'] } });
    expect(sent[0]?.url).toBe('https://api.example.test/v1/sessions?a=1&b=2');
    expect(sent[0]?.init.body).toBe('{"templates":["soap"]}');
    expect(sent[0]?.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(sent[0]?.headers.get('accept')).toBe('application/json');
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer tok_secret_value');
    expect(response).toMatchObject({ status: 200, data: { ok: true }, bodyText: '{"ok":true}' });
  });

  it('sends bytes as they are and FormData without a hand-set Content-Type', async () => {
    const { fetchImpl, sent } = recordingFetch(() => new Response(null, { status: 200 }));
    const bytes = new Uint8Array([1, 2, 3]);
    await transport(fetchImpl).request({ method: 'PUT', url: 'https://api.example.test/v1/a', body: bytes });
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'a.wav');
    await transport(fetchImpl).request({ method: 'POST', url: 'https://api.example.test/v1/b', body: form, headers: { 'Content-Type': 'multipart/form-data' } });
    expect(sent[0]?.init.body).toBe(bytes);
    expect(sent[0]?.headers.get('content-type')).toBe('application/octet-stream');
    expect(sent[1]?.init.body).toBe(form);
    expect(sent[1]?.headers.has('content-type')).toBe(false);
  });

  it('reads a text body as text, and an empty or 204 answer as no data', async () => {
    const answers = [new Response('plain words', { status: 200, headers: { 'content-type': 'text/plain' } }), new Response('', { status: 200 }), new Response(null, { status: 204 })];
    const { fetchImpl } = recordingFetch(() => answers.shift() as Response);
    const http = transport(fetchImpl);
    expect(await http.request({ method: 'GET', url: 'https://api.example.test/v1/a' })).toMatchObject({ data: 'plain words', bodyText: 'plain words' });
    expect(await http.request({ method: 'GET', url: 'https://api.example.test/v1/a' })).toMatchObject({ data: undefined, bodyText: '' });
    expect(await http.request({ method: 'DELETE', url: 'https://api.example.test/v1/a' })).toMatchObject({ status: 204, data: undefined, bodyText: '' });
  });

  it('never lets credentials follow a redirect, and follows for calls without them unless told not to', async () => {
    const { fetchImpl, sent } = recordingFetch(() => new Response('{}', { status: 200 }));
    await transport(fetchImpl).request({ method: 'GET', url: 'https://api.example.test/v1/a' });
    await transport(fetchImpl).request({ method: 'GET', url: 'https://api.example.test/.well-known/x', auth: false });
    await transport(fetchImpl, false).request({ method: 'POST', url: 'https://auth.example.test/login', auth: false, body: {} });
    expect(sent.map((entry) => entry.init.redirect)).toEqual(['manual', 'follow', 'manual']);
  });

  it('maps an error status to a ScribeError rather than throwing fetch-library errors', async () => {
    const { fetchImpl } = recordingFetch(() => new Response('{"error":{"code":"session_not_found","message":"gone"}}', { status: 404, headers: { 'content-type': 'application/json' } }));
    await expect(transport(fetchImpl).request({ method: 'GET', url: 'https://api.example.test/v1/sessions/x', sessionPath: true })).rejects.toMatchObject({
      name: 'SessionNotFoundError',
      status: 404,
      serverCode: 'session_not_found',
    });
  });

  it('describes a connection failure from its root cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed', { cause: refused });
    }) as typeof fetch;
    await expect(transport(fetchImpl).request({ method: 'POST', url: 'https://api.example.test/v1/a', body: {} })).rejects.toMatchObject({
      code: 'api_error',
      message: expect.stringContaining('connection refused (ECONNREFUSED)'),
    });
  });
});
