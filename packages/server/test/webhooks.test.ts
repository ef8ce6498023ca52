import { describe, expect, it } from 'vitest';
import { webhookSignatureHeader, webhookSignatureV1 } from '../src/index.js';
import { contract, createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { eventsOf, startWebhookReceiver } from './helpers/webhook-receiver.js';
import { makeWav } from './helpers/wav.js';

const ALL_EVENTS = ['session.started', 'session.ended', 'session.completed', 'session.partial', 'session.failed', 'session.expired'];

function verify(header: string, secret: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  return match !== null && webhookSignatureV1(secret, Number(match[1]), body) === match[2];
}

describe('webhook registration (7.1)', () => {
  it('[#80] register → 201, list → 200 without secrets, delete → 204, unknown id → 404 webhook_not_found', async () => {
    const t = await startTestServer({ trustJwtPayload: true, webhooks: { allowPrivateTargets: true } });
    const created = await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: 'https://hooks.example.test/scribe', events: ['session.completed'], secret: 'whsec_abc' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ webhook_id: expect.stringMatching(/^wh_[A-Za-z0-9]{24}$/), url: 'https://hooks.example.test/scribe', events: ['session.completed'], status: 'active', created_at: expect.stringMatching(/Z$/) });
    const listed = await t.call('GET', '/voice/v1/webhooks', { headers: KEY_HEADERS });
    expect(listed.body).toEqual({ webhooks: [created.body] });
    expect(listed.text).not.toContain('whsec_abc');
    expect((await t.call('GET', '/v1/webhooks', { headers: { 'jwt-payload': '{"b-id":"b_other"}' } })).body).toEqual({ webhooks: [] });
    const foreign = await t.call('DELETE', `/v1/webhooks/${created.body.webhook_id}`, { headers: { 'jwt-payload': '{"b-id":"b_other"}' } });
    expect(foreign.status).toBe(404);
    const deleted = await t.call('DELETE', `/v1/webhooks/${created.body.webhook_id}`, { headers: KEY_HEADERS });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const again = await t.call('DELETE', `/v1/webhooks/${created.body.webhook_id}`, { headers: KEY_HEADERS });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'webhook_not_found', details: { webhook_id: created.body.webhook_id } });
    expect((await t.call('GET', '/v1/webhooks', { headers: KEY_HEADERS })).body).toEqual({ webhooks: [] });
  });

  it('[#81] non-HTTPS non-loopback URLs, empty or unknown events → 400 invalid_request', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true } });
    const bad: unknown[] = [
      { url: 'http://hooks.example.test/x', events: ['session.completed'] },
      { url: 'ftp://127.0.0.1/x', events: ['session.completed'] },
      { url: 'not a url', events: ['session.completed'] },
      { url: 'https://hooks.example.test/x', events: [] },
      { url: 'https://hooks.example.test/x', events: ['session.created'] },
      { url: 'https://hooks.example.test/x', events: ['session.completed', 'session.processing'] },
      { url: 'https://hooks.example.test/x', events: 'session.completed' },
      { url: 'https://hooks.example.test/x', events: ['session.completed'], secret: 42 },
    ];
    for (const json of bad) {
      const response = await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x']) {
      expect((await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url, events: ALL_EVENTS } })).status, url).toBe(201);
    }
  });
});

describe('webhook deliveries (7.2-7.4)', () => {
  it('[#82] deliveries POST exactly {event, timestamp, session_id} for subscribed events of the business, one terminal event', async () => {
    const t = await startTestServer({ trustJwtPayload: true, engine: createTestEngine(), webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const all = await startWebhookReceiver();
    const terminalOnly = await startWebhookReceiver();
    const otherBusiness = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: all.url, events: ALL_EVENTS } });
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: terminalOnly.url, events: ['session.completed', 'session.failed'] } });
    await t.call('POST', '/v1/webhooks', { headers: { 'jwt-payload': '{"b-id":"b_other"}' }, json: { url: otherBusiness.url, events: ALL_EVENTS } });
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.1 }));
    await endSession(t, id, 1);
    await settledSession(t, id);
    await t.call('POST', `/v1/sessions/${id}/process/template`, { headers: KEY_HEADERS });
    await settledSession(t, id);
    expect(eventsOf(all.deliveries)).toEqual(['session.started', 'session.ended', 'session.completed'].map((event) => ({ event, session_id: id })));
    expect(eventsOf(terminalOnly.deliveries)).toEqual([{ event: 'session.completed', session_id: id }]);
    expect(otherBusiness.deliveries).toEqual([]);
    for (const delivery of all.deliveries) {
      const body = JSON.parse(delivery.rawBody);
      expect(Object.keys(body)).toEqual(['event', 'timestamp', 'session_id']);
      expect(contract.validateSchema('WebhookPayload', body).valid).toBe(true);
      expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['user-agent']).toMatch(/^scribe-server\//);
      expect(delivery.headers['x-msa-delivery']).toMatch(/^dlv_/);
      expect(delivery.headers['x-msa-signature']).toBeUndefined();
    }
  });

  it('[#82] an expired session sends exactly one terminal event: session.expired', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const receiver = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ALL_EVENTS } });
    const id = await createSession(t);
    await t.server.expireSession(id);
    await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    await t.server.expireSession(id);
    await t.server.idle();
    expect(eventsOf(receiver.deliveries).map((delivery) => delivery.event)).toEqual(['session.started', 'session.expired']);
  });

  it('[#83] the 7.3 test vector holds', () => {
    const body = '{"event":"session.completed","timestamp":"2025-01-19T10:35:00Z","session_id":"ses_abc123def456"}';
    expect(webhookSignatureV1('whsec_test_secret', 1705661400, body)).toBe('8f397cf243384ad99391418fffc2bf1129c48fb742d3778925c27d118dd10acc');
    expect(webhookSignatureHeader('whsec_test_secret', 1705661400, body)).toBe('t=1705661400,v1=8f397cf243384ad99391418fffc2bf1129c48fb742d3778925c27d118dd10acc');
  });

  it('[#83] deliveries of a webhook with a secret carry X-MSA-Signature (no spaces) over the raw body', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true, retryBaseMs: 10 } });
    const signed = await startWebhookReceiver();
    const unsigned = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: signed.url, events: ['session.started'], secret: 'whsec_local_secret' } });
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: unsigned.url, events: ['session.started'] } });
    await createSession(t);
    await t.server.idle();
    const [delivery] = await signed.waitFor(1);
    const header = delivery?.headers['x-msa-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(header, 'whsec_local_secret', delivery?.rawBody ?? '')).toBe(true);
    expect(verify(header, 'whsec_wrong', delivery?.rawBody ?? '')).toBe(false);
    expect(Math.abs(Number(/t=(\d+)/.exec(header)?.[1]) - Date.now() / 1000)).toBeLessThan(5);
    expect((await unsigned.waitFor(1))[0]?.headers['x-msa-signature']).toBeUndefined();
  });

  it('[#84] failures are retried (5 retries, doubling delays), re-signed with a fresh t, body and delivery id unchanged', async () => {
    let now = 1_800_000_000_000;
    const t = await startTestServer({ now: () => now, webhooks: { allowPrivateTargets: true, retryBaseMs: 20, jitter: 0 } });
    const receiver = await startWebhookReceiver([500, 503, 404, 500, 502, 200]);
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.started'], secret: 'whsec_retry' } });
    const ticker = setInterval(() => (now += 1000), 5);
    try {
      await createSession(t);
      const deliveries = await receiver.waitFor(6, 5000);
      await t.server.idle();
      expect(receiver.deliveries).toHaveLength(6);
      const ids = new Set(deliveries.map((delivery) => delivery.headers['x-msa-delivery']));
      expect(ids.size).toBe(1);
      expect(new Set(deliveries.map((delivery) => delivery.rawBody)).size).toBe(1);
      const stamps = deliveries.map((delivery) => Number(/t=(\d+)/.exec(delivery.headers['x-msa-signature'] as string)?.[1]));
      for (let i = 1; i < stamps.length; i += 1) expect(stamps[i]).toBeGreaterThan(stamps[i - 1] as number);
      for (const delivery of deliveries) expect(verify(delivery.headers['x-msa-signature'] as string, 'whsec_retry', delivery.rawBody)).toBe(true);
      const gaps = deliveries.slice(1).map((delivery, index) => delivery.receivedAt - (deliveries[index]?.receivedAt ?? 0));
      expect(gaps[0]).toBeGreaterThanOrEqual(15);
      expect(gaps[3]).toBeGreaterThanOrEqual(150);
      expect(gaps[3] as number).toBeGreaterThan(gaps[0] as number);
    } finally {
      clearInterval(ticker);
    }
  });

  it('[#84] after the fifth retry the delivery is given up', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true, retryBaseMs: 5 } });
    const receiver = await startWebhookReceiver(Array.from({ length: 10 }, () => 500));
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.started'] } });
    await createSession(t);
    await receiver.waitFor(6);
    await t.server.idle();
    expect(receiver.deliveries).toHaveLength(6);
  });

  it('[#82] webhooks survive a restart', async () => {
    const t = await startTestServer({ webhooks: { allowPrivateTargets: true } });
    const receiver = await startWebhookReceiver();
    await t.call('POST', '/v1/webhooks', { headers: KEY_HEADERS, json: { url: receiver.url, events: ['session.started'] } });
    await t.server.close();
    const again = await startTestServer({ dataDir: t.dataDir, webhooks: { allowPrivateTargets: true } });
    expect((await again.call('GET', '/v1/webhooks', { headers: KEY_HEADERS })).body.webhooks).toHaveLength(1);
    const id = await createSession(again);
    expect(eventsOf(await receiver.waitFor(1))).toEqual([{ event: 'session.started', session_id: id }]);
  });
});
