import { describe, expect, it } from 'vitest';
import { AuthError, SessionNotFoundError } from '@scribe/node';
import { makeWav } from '../support/wav-fixtures';
import { relayCall, startRelayHarness, type RelayBody, type RelayHarness } from './relay-support';

/** A session created through the relay by `user`, with its handle. */
async function createdBy(h: RelayHarness, relayUrl: string, user: string): Promise<string> {
  return (await h.browserCore(relayUrl, user).createSession()).sessionId;
}

/** Every session route of a handle, with a body where the route takes one. */
function sessionRoutes(relayUrl: string, handle: string): [string, string, RelayBody | undefined][] {
  return [
    ['GET', `${relayUrl}/v1/sessions/${handle}`, undefined],
    ['POST', `${relayUrl}/v1/sessions/${handle}/audio/chunk_0.wav`, makeWav({ seconds: 1 })],
    ['POST', `${relayUrl}/v1/sessions/${handle}/end`, JSON.stringify({ audio_files_sent: 0 })],
  ];
}

describe('createScribeRelay: who may do what', () => {
  it('user B is refused on A\'s handle on every route (404 session_not_found, nothing forwarded); A still owns the session', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = await createdBy(h, relayUrl, 'alice');
    const forwardedBefore = h.t.requests(/^\/v1\/sessions\//).length;
    for (const [method, url, body] of sessionRoutes(relayUrl, handle)) {
      const answer = await relayCall(h, 'bob', method, url, body);
      expect(answer.status, `${method} ${url}`).toBe(404);
      expect(answer.json.error).toMatchObject({ code: 'session_not_found', details: { session_id: handle } });
    }
    expect(h.t.requests(/^\/v1\/sessions\//)).toHaveLength(forwardedBefore);
    // Through the real client, B gets the typed error; A's session is untouched and still open.
    await expect(h.browserCore(relayUrl, 'bob').sessions.get(handle)).rejects.toBeInstanceOf(SessionNotFoundError);
    expect((await h.browserCore(relayUrl, 'alice').sessions.get(handle)).status).toBe('created');
  });

  it('tampered, truncated, re-encoded and foreign handles are refused like unknown ones', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = await createdBy(h, relayUrl, 'alice');
    const other = await createdBy(h, relayUrl, 'alice');
    const [prefix, id, mac] = handle.split('.') as [string, string, string];
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const forged = [
      `${prefix}.${id}.${flip(mac, 0)}`,
      `${prefix}.${id}.${flip(mac, 21)}`,
      `${prefix}.${other.split('.')[1]}.${mac}`,
      `${prefix}.${id}.${mac.slice(0, 21)}`,
      `rs2.${id}.${mac}`,
      `${prefix}.${id}=.${mac}`,
      Buffer.from(handle.split('.')[1]!, 'base64url').toString('utf8'),
      'rs1..AAAAAAAAAAAAAAAAAAAAAA',
    ];
    for (const bad of forged) {
      for (const [method, url, body] of sessionRoutes(relayUrl, encodeURIComponent(bad))) {
        const answer = await relayCall(h, 'alice', method, url, body);
        expect(answer.status, `${bad}: ${method} ${url}`).toBe(404);
        expect(answer.json.error?.code).toBe('session_not_found');
      }
    }
    expect(h.t.requests(/^\/v1\/sessions\/.+/)).toHaveLength(0);
  });

  it('no user (authorize returns null): 401 unauthorized on every route but discovery; the real client gets AuthError', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = await createdBy(h, relayUrl, 'alice');
    const calls: [string, string, RelayBody | undefined][] = [
      ['GET', `${relayUrl}/v1/templates`, undefined],
      ['POST', `${relayUrl}/v1/sessions`, JSON.stringify({ templates: ['clinical_notes_template'] })],
      ...sessionRoutes(relayUrl, handle),
      ['GET', `${relayUrl}/v1/webhooks`, undefined],
    ];
    const before = h.t.server.requests.length;
    for (const [method, url, body] of calls) {
      const answer = await relayCall(h, undefined, method, url, body);
      expect(answer.status, `${method} ${url}`).toBe(401);
      expect(answer.json.error?.code).toBe('unauthorized');
    }
    expect(h.t.server.requests.length).toBe(before);
    await expect(h.browserCore(relayUrl, undefined).createSession()).rejects.toBeInstanceOf(AuthError);
    expect((await relayCall(h, undefined, 'GET', `${relayUrl}/v1/.well-known/medscribealliance`)).status).toBe(200);
  });

  it('only the allowlisted routes: others 404 not_found, wrong methods 405 method_not_allowed with Allow; nothing forwarded', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const handle = await createdBy(h, relayUrl, 'alice');
    const origin = new URL(relayUrl).origin;
    h.t.server.clearRequests();
    const notFound: [string, string][] = [
      ['GET', `${relayUrl}/v1/webhooks`],
      ['POST', `${relayUrl}/v1/sessions/${handle}/process/template`],
      ['GET', `${relayUrl}/v1/sessions/${handle}/audio`],
      ['POST', `${relayUrl}/v1/sessions/${handle}/audio/a/b`],
      ['POST', `${origin}/connect-auth/v1/account/login`],
      ['POST', `${relayUrl}/connect-auth/v1/account/login`],
      ['GET', `${relayUrl}/health`],
      ['GET', `${relayUrl}/v2/templates`],
      ['GET', `${relayUrl}//v1/templates`],
      ['GET', `${origin}/v1/templates`],
      ['GET', `${relayUrl}/v1/stream/sessions/x/audio`],
    ];
    for (const [method, url] of notFound) {
      const answer = await relayCall(h, 'alice', method, url);
      expect(answer.status, `${method} ${url}`).toBe(404);
      expect(answer.json.error?.code).toBe('not_found');
    }
    const wrongMethod: [string, string, string][] = [
      ['PATCH', `${relayUrl}/v1/sessions/${handle}`, 'GET'],
      ['DELETE', `${relayUrl}/v1/sessions/${handle}`, 'GET'],
      ['PUT', `${relayUrl}/v1/sessions/${handle}/audio/chunk_0.wav`, 'POST'],
      ['GET', `${relayUrl}/v1/sessions`, 'POST'],
      ['POST', `${relayUrl}/v1/templates`, 'GET'],
      ['OPTIONS', `${relayUrl}/v1/sessions`, 'POST'],
    ];
    for (const [method, url, allow] of wrongMethod) {
      const answer = await relayCall(h, 'alice', method, url);
      expect(answer.status, `${method} ${url}`).toBe(405);
      expect(answer.json.error?.code).toBe('method_not_allowed');
      expect(answer.headers.get('allow')).toBe(allow);
    }
    // An unsafe chunk name with a valid handle never leaves the relay either.
    const unsafe = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions/${handle}/audio/..%5Cchunk_0.wav`, makeWav({ seconds: 1 }));
    expect(unsafe.status).toBe(400);
    expect(h.t.server.requests).toHaveLength(0);
  });

  it('the browser cannot choose the upstream session id or send fields the relay does not forward', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const chosen = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, JSON.stringify({ templates: ['clinical_notes_template'], session_id: 'abcdefghijklmnop1234' }));
    expect(chosen.status).toBe(400);
    expect(chosen.json.error).toMatchObject({ code: 'invalid_request', details: { field: 'session_id' } });
    const extra = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, JSON.stringify({ templates: ['clinical_notes_template'], webhook_url: 'http://evil.test', base_url: 'http://evil.test', session_mode: 'consultation' }));
    expect(extra.status).toBe(201);
    expect(h.t.requests(/^\/v1\/sessions$/, 'POST').map((request) => request.body)).toEqual([{ templates: ['clinical_notes_template'], session_mode: 'consultation', upload_type: 'chunked', communication_protocol: 'http' }]);
    for (const bad of ['[1,2]', 'not json', '"text"', '']) {
      const answer = await relayCall(h, 'alice', 'POST', `${relayUrl}/v1/sessions`, bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.json.error?.code).toBe('invalid_request');
    }
  });
});
