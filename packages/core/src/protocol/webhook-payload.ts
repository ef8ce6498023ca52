import { ValidationError } from '../errors';
import { decodeIfText, isWireObject, optionalObject, optionalString, type WireObject } from './parse-wire';
import { parseTimestamp, type WireTimestamp } from './wire-timestamp';

/** The six events of contract 7.2. Other `session.*` names are accepted too. */
export type WebhookEventName =
  | 'session.started'
  | 'session.ended'
  | 'session.completed'
  | 'session.partial'
  | 'session.failed'
  | 'session.expired'
  | (string & {});

/** Older event names and what they mean now (contract 7.5). */
export const LEGACY_WEBHOOK_EVENTS: Readonly<Record<string, WebhookEventName>> = /* @__PURE__ */ Object.freeze({
  'session.created': 'session.started',
  'session.processing': 'session.ended',
});

/** A webhook notification, normalised. It carries no results: fetch the session to read them. */
export interface WebhookEvent {
  /** The event name, legacy names mapped (`session.created` → `session.started`). */
  event: WebhookEventName;
  /** The session concerned. */
  sessionId: string;
  /** When the event happened, per the sender. */
  timestamp: WireTimestamp | undefined;
  /** The payload as received. */
  raw: WireObject;
}

/**
 * Parses a webhook body (object, JSON text or UTF-8 bytes): `session_id` from the top level, else `data.session_id`
 * (older shape); any `session.*` event. Throws ValidationError for anything else.
 */
export function parseWebhookPayload(raw: unknown): WebhookEvent {
  const text = raw instanceof Uint8Array ? new TextDecoder().decode(raw) : raw;
  const body = decodeIfText(text);
  if (!isWireObject(body)) throw new ValidationError('Webhook payload is not a JSON object.');
  const name = optionalString(body.event) ?? optionalString(body.type);
  if (!name || !name.startsWith('session.')) {
    throw new ValidationError(`Webhook payload has no session.* event (got ${name ? `"${name}"` : 'none'}).`);
  }
  const data = optionalObject(body.data);
  const sessionId = optionalString(body.session_id) || optionalString(data?.session_id);
  if (!sessionId) throw new ValidationError(`Webhook payload for ${name} has no session_id.`);
  return {
    event: LEGACY_WEBHOOK_EVENTS[name] ?? name,
    sessionId,
    timestamp: parseTimestamp(body.timestamp ?? data?.timestamp),
    raw: body,
  };
}
