import { describe, expect, it } from 'vitest';
import { ScribeError } from '../errors';
import { createWebhookReceiver } from './create-webhook-receiver';
import { computeWebhookSignature } from './verify-webhook-signature';

const SECRET = 'whsec_test_secret';
const T = 1705661400;
const now = () => T * 1000;
const body = (event: string, sessionId = 'ses_abc123def456') => JSON.stringify({ event, timestamp: '2025-01-19T10:35:00Z', session_id: sessionId });

async function signed(rawBody: string, secret = SECRET) {
  return { 'X-MSA-Signature': `t=${T},v1=${await computeWebhookSignature(secret, T, rawBody)}`, 'X-MSA-Delivery': 'dlv_1' };
}

describe('createWebhookReceiver [#87]', () => {
  it('accepts a signed delivery and reports the event and delivery id', async () => {
    const receiver = createWebhookReceiver({ secret: SECRET, now });
    const raw = body('session.completed');
    const result = await receiver.handle({ headers: await signed(raw), rawBody: raw });
    expect(result).toMatchObject({ accepted: true, status: 200, duplicate: false, deliveryId: 'dlv_1' });
    expect(result.event).toMatchObject({ event: 'session.completed', sessionId: 'ses_abc123def456' });
    expect(result.event?.timestamp?.date?.toISOString()).toBe('2025-01-19T10:35:00.000Z');
  });

  it('reads headers from a Fetch Headers object, case-insensitively', async () => {
    const receiver = createWebhookReceiver({ secret: SECRET, now });
    const raw = body('session.started');
    const headers = new Headers(await signed(raw));
    expect((await receiver.handle({ headers, rawBody: new TextEncoder().encode(raw) })).status).toBe(200);
    const lower = Object.fromEntries(Object.entries(await signed(raw)).map(([key, value]) => [key.toLowerCase(), value]));
    expect((await createWebhookReceiver({ secret: SECRET, now }).handle({ headers: lower, rawBody: raw })).status).toBe(200);
  });

  it('with a secret: a missing or invalid signature answers 401 before the body is read', async () => {
    const receiver = createWebhookReceiver({ secret: SECRET, now });
    const raw = body('session.completed');
    expect(await receiver.handle({ headers: {}, rawBody: raw })).toMatchObject({ accepted: false, status: 401 });
    expect(await receiver.handle({ headers: await signed(raw, 'whsec_wrong'), rawBody: raw })).toMatchObject({ accepted: false, status: 401 });
    expect(await receiver.handle({ headers: await signed(raw), rawBody: body('session.failed') })).toMatchObject({ status: 401 });
    expect(await receiver.handle({ headers: await signed('not json'), rawBody: 'not json' })).toMatchObject({ status: 400 });
    const late = createWebhookReceiver({ secret: SECRET, now: () => (T + 301) * 1000 });
    expect((await late.handle({ headers: await signed(raw), rawBody: raw })).status).toBe(401);
  });

  it('without a secret: unsigned payloads are accepted', async () => {
    const receiver = createWebhookReceiver();
    expect((await receiver.handle({ headers: {}, rawBody: body('session.ended') })).status).toBe(200);
  });

  it.each([
    ['not json', 'not a JSON object'],
    [JSON.stringify({ event: 'invoice.paid', session_id: 's' }), 'invoice.paid'],
    [JSON.stringify({ event: 'session.completed' }), 'no session_id'],
  ])('a malformed payload answers 400: %s', async (raw, reason) => {
    const result = await createWebhookReceiver().handle({ headers: {}, rawBody: raw });
    expect(result).toMatchObject({ accepted: false, status: 400 });
    expect(result.reason).toContain(reason);
  });

  it('takes session_id from data.session_id (older shape) and maps legacy names', async () => {
    const receiver = createWebhookReceiver();
    const result = await receiver.handle({ headers: {}, rawBody: JSON.stringify({ event: 'session.created', data: { session_id: 'ses_old' } }) });
    expect(result.event).toMatchObject({ event: 'session.started', sessionId: 'ses_old' });
  });

  it('drops repeats of (session_id, event), including a legacy alias of an accepted event', async () => {
    const receiver = createWebhookReceiver();
    const handle = (raw: string) => receiver.handle({ headers: {}, rawBody: raw });
    expect((await handle(body('session.ended'))).duplicate).toBe(false);
    expect(await handle(body('session.ended'))).toMatchObject({ accepted: true, status: 200, duplicate: true });
    expect((await handle(body('session.processing'))).duplicate).toBe(true);
    expect((await handle(body('session.completed'))).duplicate).toBe(false);
    expect((await handle(body('session.ended', 'ses_other'))).duplicate).toBe(false);
  });

  it('remembers a bounded number of pairs, forgetting the oldest', async () => {
    const receiver = createWebhookReceiver({ maxRemembered: 2 });
    const handle = (id: string) => receiver.handle({ headers: {}, rawBody: body('session.completed', id) });
    await handle('a');
    await handle('b');
    expect((await handle('b')).duplicate).toBe(true);
    await handle('c');
    expect((await handle('a')).duplicate).toBe(false);
  });

  it('refuses an empty-string secret (an unset variable) at creation', () => {
    let caught: unknown;
    try {
      createWebhookReceiver({ secret: '' });
    } catch (error) {
      caught = error;
    }
    expect(ScribeError.is(caught) && caught.code).toBe('config_error');
  });
});
