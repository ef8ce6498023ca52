import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve-config';
import { AuthError, ScribeError } from '../errors';
import { createHttpTransport } from '../transport/http-transport';
import type { ObservedResponse } from '../transport/transport';
import { createApiKeyAuth } from './api-key-auth';
import { createNoCredentialsAuth } from './no-credentials-auth';

const config = resolveConfig({ explicit: { dialect: 'eka', baseUrl: 'https://relay.example.test/api/scribe', apiKey: 'sk_secret_value_123' } });

/** A fetch answering each call with the next of `answers`, keeping the requests. */
function scriptedFetch(answers: Array<() => Response>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

describe('createNoCredentialsAuth (relay mode)', () => {
  it('sends no credential header at all, and a 401 is final: one attempt, AuthError with the relay advice', async () => {
    const { fetch, requests } = scriptedFetch([
      () => new Response('{"templates":[]}', { status: 200 }),
      () => new Response('{"error":{"code":"unauthorized","message":"Sign in."}}', { status: 401 }),
    ]);
    const transport = createHttpTransport({ config: { ...config, apiKey: undefined }, auth: createNoCredentialsAuth(), fetch });
    await transport.request({ method: 'GET', url: 'https://relay.example.test/api/scribe/v1/templates' });
    const error = await transport.request({ method: 'GET', url: 'https://relay.example.test/api/scribe/v1/templates' }).catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect([...request.headers.keys()].filter((name) => /authorization|api-key|jwt-payload|cookie/i.test(name))).toEqual([]);
    }
    expect(error).toBeInstanceOf(AuthError);
    expect((error as ScribeError).message).toContain('not signed in to the application');
    expect(createNoCredentialsAuth().mode).toBe('none');
    expect(createNoCredentialsAuth({ advice: 'Log in at /login.' }).advice?.()).toBe('Log in at /login.');
  });

  it('headers: a record or a (async) function read before each call, a fresh object each time; nothing to redact', async () => {
    let calls = 0;
    const auth = createNoCredentialsAuth({ headers: async () => ({ 'X-Csrf': `t${++calls}` }) });
    expect(await auth.headers()).toEqual({ 'X-Csrf': 't1' });
    expect(await auth.headers()).toEqual({ 'X-Csrf': 't2' });
    const fixed = { A: 'b' };
    const fromRecord = createNoCredentialsAuth({ headers: fixed });
    const first = await fromRecord.headers();
    expect(first).toEqual({ A: 'b' });
    first.A = 'changed';
    expect(await fromRecord.headers()).toEqual({ A: 'b' });
    expect(await createNoCredentialsAuth().headers()).toEqual({});
    expect(auth.secrets()).toEqual([]);
    // And on the wire: the app's header goes out, still no credential header.
    const { fetch, requests } = scriptedFetch([() => new Response('{"templates":[]}', { status: 200 })]);
    const transport = createHttpTransport({ config: { ...config, apiKey: undefined }, auth: createNoCredentialsAuth({ headers: { 'X-Csrf': 'abc' } }), fetch });
    await transport.request({ method: 'GET', url: 'https://relay.example.test/api/scribe/v1/templates' });
    expect(requests[0]!.headers.get('x-csrf')).toBe('abc');
    expect(requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('onResponse sees every answer, the credentials in its body redacted, before the failure is raised', async () => {
    const { fetch } = scriptedFetch([() => new Response('{"error":{"code":"invalid_request","message":"bad key sk_secret_value_123"}}', { status: 400, headers: { 'Retry-After': '3' } })]);
    const transport = createHttpTransport({ config, auth: createApiKeyAuth({ apiKey: 'sk_secret_value_123' }), fetch });
    const seen: ObservedResponse[] = [];
    const error = await transport.request({ method: 'POST', url: 'https://relay.example.test/v1/sessions', body: {}, onResponse: (r) => seen.push(r) }).catch((e: unknown) => e);
    expect(ScribeError.is(error) && error.status).toBe(400);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.status).toBe(400);
    expect(seen[0]!.headers.get('retry-after')).toBe('3');
    expect(seen[0]!.bodyText).toContain('invalid_request');
    expect(seen[0]!.bodyText).not.toContain('sk_secret_value_123');
  });
});
