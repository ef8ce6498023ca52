import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk } from './helpers/harness.js';
import { createGate, createTestEngine } from './helpers/engines.js';
import { eventsOf, startWebhookReceiver } from './helpers/webhook-receiver.js';
import { makeWav } from './helpers/wav.js';

// Contract 3.5 (sessions persist until the data directory is cleared) has no checklist line of its own; only the
// token's survival is one (#22).
describe('restart durability (contract 3.5)', () => {
  it('[#22] sessions, their audio and a token issued before survive a restart on the same data directory', async () => {
    const first = await startTestServer();
    const token = (await first.call('POST', '/connect-auth/v1/account/login', { json: { client_id: 'local-dev-client', client_secret: 'local-dev-secret' } })).body.access_token;
    const bearer = { Authorization: `Bearer ${token}` };
    const id = await createSession(first, { templates: ['soap', 'transcript'], additional_data: { visit: 7 } }, bearer);
    const chunk0 = makeWav({ seconds: 0.3, frequency: 0 });
    const chunk1 = makeWav({ seconds: 0.2, frequency: 300 });
    await uploadChunk(first, id, 'chunk_1.wav', chunk1, bearer);
    await uploadChunk(first, id, 'chunk_0.wav', chunk0, bearer);
    await first.server.close();

    const engine = createTestEngine();
    const second = await startTestServer({ dataDir: first.dataDir, engine });
    const status = await second.call('GET', `/v1/sessions/${id}`, { headers: bearer });
    expect(status.status).toBe(202);
    expect(status.body).toMatchObject({ status: 'recording', audio_files: ['chunk_0.wav', 'chunk_1.wav'], additional_data: { visit: 7 } });
    await uploadChunk(second, id, 'chunk_2.wav', makeWav({ seconds: 0.1 }), bearer);
    await endSession(second, id, 3, bearer);
    const result = await settledSession(second, id, bearer);
    expect(result.body.status).toBe('completed');
    const chunks = engine.transcribeCalls[0]?.chunks ?? [];
    expect(Buffer.from(chunks[0]?.bytes ?? []).equals(chunk0)).toBe(true);
    expect(Buffer.from(chunks[1]?.bytes ?? []).equals(chunk1)).toBe(true);
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
  });

  it('the data directory holds one session.json per session and the audio under its chunk names', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    const businesses = await readdir(join(t.dataDir, 'sessions'));
    expect(businesses).toHaveLength(1);
    const sessionDir = join(t.dataDir, 'sessions', businesses[0] as string, id);
    expect((await readdir(sessionDir)).sort()).toEqual(['audio', 'session.json']);
    expect(await readdir(join(sessionDir, 'audio'))).toEqual(['chunk_0.wav']);
    const record = JSON.parse(await readFile(join(sessionDir, 'session.json'), 'utf8'));
    expect(record).toMatchObject({ sessionId: id, businessId: 'b_local_dev', status: 'recording', files: [{ name: 'chunk_0.wav' }] });
  });

  it('a session interrupted while processing is processed again after a restart', async () => {
    const gate = createGate();
    const blocked = createTestEngine({ gate: gate.wait });
    const first = await startTestServer({ engine: blocked });
    const id = await createSession(first);
    await uploadChunk(first, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(first, id, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blocked.transcribeCalls).toHaveLength(1);
    await first.server.close();

    const engine = createTestEngine();
    const second = await startTestServer({ dataDir: first.dataDir, engine });
    const result = await settledSession(second, id);
    expect(result.body.status).toBe('completed');
    expect(engine.transcribeCalls).toHaveLength(1);
  });

  it('leftovers of an interrupted write are removed and an unreadable record does not stop the server', async () => {
    const first = await startTestServer();
    const id = await createSession(first);
    await first.server.close();
    const business = (await readdir(join(first.dataDir, 'sessions')))[0] as string;
    const sessionDir = join(first.dataDir, 'sessions', business, id);
    await writeFile(join(sessionDir, 'session.json.tmp-abcdefgh'), '{"torn":');
    await writeFile(join(first.dataDir, 'sessions', business, 'broken'), '');
    const second = await startTestServer({ dataDir: first.dataDir });
    expect(await readdir(sessionDir)).toEqual(['session.json']);
    expect((await second.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).status).toBe(202);
  });
});

describe('expiry (3.5)', () => {
  it('[#52] an open session expires on a timer without any access and sends session.expired; audio is kept', async () => {
    const receiver = await startWebhookReceiver();
    const t = await startTestServer({ sessionDurationSeconds: 1, expirySweepMs: 50, webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.expired'] } });
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    const [delivery] = await receiver.waitFor(1, 4000);
    expect(eventsOf([delivery!])).toEqual([{ event: 'session.expired', session_id: id }]);
    const response = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ status: 'expired', audio_files: ['chunk_0.wav'], audio_files_received: 1 });
    expect(response.body.expired_at).toBe(response.body.expires_at);
  });

  it('[#52] expiry is applied on access (injected clock); processing sessions never expire', async () => {
    let now = Date.parse('2026-11-24T10:30:00.000Z');
    const gate = createGate();
    const t = await startTestServer({ now: () => now, expirySweepMs: 60_000, engine: createTestEngine({ gate: gate.wait }), longPollSeconds: 0 });
    const open = await createSession(t);
    const processing = await createSession(t);
    await uploadChunk(t, processing, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, processing, 1);
    now += 3600 * 1000;
    const expired = await t.call('GET', `/v1/sessions/${open}`, { headers: KEY_HEADERS });
    expect(expired.status).toBe(410);
    expect(expired.body.expired_at).toBe('2026-11-24T11:30:00.000Z');
    expect((await t.call('GET', `/v1/sessions/${processing}`, { headers: KEY_HEADERS })).body.status).toBe('processing');
    gate.open();
    expect((await settledSession(t, processing)).body.status).toBe('completed');
  });

  it('[#52] sessions that expired while the server was down are expired at start', async () => {
    let now = Date.now();
    const first = await startTestServer({ now: () => now });
    const id = await createSession(first);
    await first.server.close();
    now += 2 * 3600 * 1000;
    const second = await startTestServer({ dataDir: first.dataDir, now: () => now });
    const record = JSON.parse(await readFile(join(first.dataDir, 'sessions', (await readdir(join(first.dataDir, 'sessions')))[0] as string, id, 'session.json'), 'utf8'));
    expect(record.status).toBe('expired');
    expect((await second.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).status).toBe(410);
  });
});
