import { describe, expect, it } from 'vitest';
import { TEST_TEMPLATES } from '../support/client-factory';
import { TEST_TRANSCRIPT } from '../support/test-engine';
import { makeWav } from '../support/wav-fixtures';
import { recordingWebSocket, speechPcm, storedStream } from '../stream/stream-support';
import { relayCall, startRelayHarness } from './relay-support';

const HANDLE = /^rs1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;

/** The upstream id a handle carries (its middle part). */
const upstreamIdOf = (handle: string) => Buffer.from(handle.split('.')[1]!, 'base64url').toString('utf8');

describe('createScribeRelay: whole sessions through the relay, the browser being plain core with no credentials', () => {
  it('chunked: create -> upload -> end -> result; the browser sees only the handle and relay URLs, the server the service account', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const core = h.browserCore(relayUrl, 'alice');

    const created = await core.createSession({ templates: TEST_TEMPLATES, languageHint: 'en', additionalData: { visit: 'v-1' } });
    expect(created.sessionId).toMatch(HANDLE);
    expect(created.uploadUrl).toBe(`${relayUrl}/v1/sessions/${created.sessionId}/audio`);
    const upstreamId = upstreamIdOf(created.sessionId);
    expect(upstreamId).toMatch(/^ses_[A-Za-z0-9]{24}$/);

    await core.uploadChunk(created.sessionId, { bytes: makeWav({ seconds: 2 }), index: 0 });
    await core.uploadChunk(created.sessionId, { bytes: makeWav({ seconds: 1.5, frequency: 220 }), index: 1 });
    const ended = await core.endSession(created.sessionId);
    expect(ended).toMatchObject({ sessionId: created.sessionId, status: 'processing', audioFilesReceived: 2 });
    const result = await core.waitForResults(created.sessionId, { interval: 0.1, timeout: 15 });
    expect(result).toMatchObject({ sessionId: created.sessionId, status: 'completed', transcript: TEST_TRANSCRIPT });
    expect(result.additionalData).toEqual({ visit: 'v-1' });

    // The server saw the service account (its business), the forwarded fields and both chunks under the upstream id.
    const [create] = h.t.requests(/^\/v1\/sessions$/, 'POST');
    expect(create?.auth).toMatchObject({ kind: 'access-token', businessId: 'b_relay' });
    expect(create?.body).toMatchObject({ templates: TEST_TEMPLATES, language_hint: ['en'], additional_data: { visit: 'v-1' }, upload_type: 'chunked' });
    expect(h.t.requests(new RegExp(`^/v1/sessions/${upstreamId}/audio/chunk_[01]\\.wav$`), 'POST').map((r) => r.status)).toEqual([200, 200]);
    expect(h.t.requests(new RegExp(`^/v1/sessions/${upstreamId}/end$`), 'POST')[0]?.body).toEqual({ audio_files_sent: 2 });
    // The upstream id never reached the browser, and every answer it got came from the relay.
    expect(h.seen.length).toBeGreaterThanOrEqual(5);
    expect(h.seen.filter((exchange) => exchange.text.includes(upstreamId))).toEqual([]);
    expect(h.seen.every((exchange) => exchange.url.startsWith(relayUrl))).toBe(true);
  });

  it('stream: the relay creates the stream session; its ws upload_url reaches the browser unchanged and the socket goes straight to the server', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const core = h.browserCore(relayUrl, 'alice');
    const sockets = recordingWebSocket();
    const stream = await core.openStream({ templates: TEST_TEMPLATES, createWebSocket: sockets.factory });
    expect(stream.sessionId).toMatch(HANDLE);
    // Discovery came through the relay, so the resume extension is known and the ack opt-in is on the service's URL.
    expect(stream.resume).toBe(true);
    const pcm = await speechPcm();
    for (let at = 0; at < pcm.length; at += 8000) await stream.sendAudio(pcm.subarray(at, at + 8000));
    await stream.stop();
    const upstreamId = upstreamIdOf(stream.sessionId);
    expect(sockets.record.urls).toHaveLength(1);
    expect(sockets.record.urls[0]).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${h.t.server.port}/v1/stream/sessions/[A-Za-z0-9_-]+/audio\\?ack=1$`));
    expect(Buffer.from(await storedStream(h.t.server, upstreamId)).equals(Buffer.from(pcm))).toBe(true);
    const result = await core.waitForResults(stream.sessionId, { interval: 0.1, timeout: 15 });
    expect(result.status).toBe('completed');
    expect(h.t.requests(new RegExp(`^/v1/sessions/${upstreamId}/end$`), 'POST')[0]?.body).toEqual({ audio_files_sent: 0 });
    const created = h.seen.find((exchange) => exchange.method === 'POST' && exchange.url === `${relayUrl}/v1/sessions`);
    expect(JSON.parse(created!.text).upload_url).toBe(sockets.record.urls[0]!.replace('?ack=1', ''));
  });

  it('two relay instances with the same secret serve each other\'s handles (no shared state); another secret does not', async () => {
    const h = await startRelayHarness();
    const first = await h.startRelay();
    const second = await h.startRelay();
    const foreign = await h.startRelay({ secret: 'a-different-relay-secret-of-32-bytes-or-more' });
    const created = await h.browserCore(first, 'alice').createSession();
    const onSecond = h.browserCore(second, 'alice');
    await onSecond.uploadChunk(created.sessionId, { bytes: makeWav({ seconds: 1 }), index: 0 });
    await onSecond.endSession(created.sessionId, { audioFilesSent: 1 });
    expect((await h.browserCore(first, 'alice').waitForResults(created.sessionId, { interval: 0.1, timeout: 15 })).status).toBe('completed');
    const refused = await relayCall(h, 'alice', 'GET', `${foreign}/v1/sessions/${created.sessionId}`);
    expect(refused.status).toBe(404);
    expect(refused.json.error?.code).toBe('session_not_found');
  });

  it('templates, and GET with ?template_id= forwarded (the only query parameter that is)', async () => {
    const h = await startRelayHarness();
    const relayUrl = await h.startRelay();
    const core = h.browserCore(relayUrl, 'alice');
    const templates = await core.templates.list();
    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(TEST_TEMPLATES));
    const created = await core.createSession();
    await core.uploadChunk(created.sessionId, { bytes: makeWav({ seconds: 1 }), index: 0 });
    await core.endSession(created.sessionId);
    await core.waitForResults(created.sessionId, { interval: 0.1, timeout: 15 });
    const upstreamId = upstreamIdOf(created.sessionId);
    h.t.server.clearRequests();
    const one = await relayCall(h, 'alice', 'GET', `${relayUrl}/v1/sessions/${created.sessionId}?template_id=${TEST_TEMPLATES[0]}&ack=1&upstream=http://evil.test&template_id=second`);
    expect(one.status).toBe(200);
    expect((one.json.templates as object[]).map((entry) => Object.keys(entry)[0])).toEqual([TEST_TEMPLATES[0]]);
    const [seen] = h.t.requests(new RegExp(`^/v1/sessions/${upstreamId}$`), 'GET');
    expect(seen?.query).toEqual({ template_id: TEST_TEMPLATES[0] });
    // The browser's headers stay with the relay: the server sees the service's credential, no cookie, no app header.
    expect(Object.keys(seen?.headers ?? {}).filter((name) => /cookie|x-test-user/i.test(name))).toEqual([]);
  });
});
