import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScribeError } from '../errors';
import { parseWebhookPayload } from './webhook-payload';

const examples = JSON.parse(readFileSync(new URL('../../../server/spec/webhook-payloads.example.json', import.meta.url), 'utf8')) as {
  examples: { event: string; payload: Record<string, unknown> }[];
};

describe('parseWebhookPayload [#87]', () => {
  it.each(examples.examples.map((example) => [example.event, example.payload] as const))('parses the spec example %s', (event, payload) => {
    const parsed = parseWebhookPayload(payload);
    expect(parsed.event).toBe(event);
    expect(parsed.sessionId).toBe(payload.session_id);
    expect(parsed.timestamp?.date?.toISOString()).toBe(new Date(payload.timestamp as string).toISOString());
  });

  it('reads session_id from data when it is not at the top level', () => {
    expect(parseWebhookPayload({ event: 'session.completed', data: { session_id: 'ses_old' } }).sessionId).toBe('ses_old');
    expect(parseWebhookPayload({ event: 'session.completed', session_id: 'ses_top', data: { session_id: 'ses_old' } }).sessionId).toBe('ses_top');
  });

  it('maps legacy names and accepts other session.* events', () => {
    expect(parseWebhookPayload({ event: 'session.created', session_id: 's' }).event).toBe('session.started');
    expect(parseWebhookPayload({ event: 'session.processing', session_id: 's' }).event).toBe('session.ended');
    expect(parseWebhookPayload({ event: 'session.reprocessed', session_id: 's' }).event).toBe('session.reprocessed');
  });

  it('accepts JSON text and bytes', () => {
    const text = '{"event":"session.completed","timestamp":"2025-01-19T10:35:00Z","session_id":"ses_abc123def456"}';
    expect(parseWebhookPayload(text).sessionId).toBe('ses_abc123def456');
    expect(parseWebhookPayload(new TextEncoder().encode(text)).sessionId).toBe('ses_abc123def456');
  });

  it.each([
    ['not json', 'not a JSON object'],
    [{ session_id: 's' }, 'no session.* event'],
    [{ event: 'invoice.paid', session_id: 's' }, 'invoice.paid'],
    [{ event: 'session.completed' }, 'no session_id'],
  ])('rejects %j with a ValidationError', (body, fragment) => {
    let caught: unknown;
    try {
      parseWebhookPayload(body);
    } catch (error) {
      caught = error;
    }
    expect(ScribeError.is(caught) && caught.code).toBe('validation_error');
    expect((caught as Error).message).toContain(fragment);
  });
});
