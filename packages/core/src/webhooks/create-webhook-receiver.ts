import { ConfigError, ScribeError } from '../errors';
import { parseWebhookPayload, type WebhookEvent } from '../protocol/webhook-payload';
import { SIGNATURE_HEADER } from './signature-header';
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS, verifyWebhookSignature, type RawBody } from './verify-webhook-signature';

/** Options of `createWebhookReceiver`. */
export interface WebhookReceiverOptions {
  /** The webhook secret. Default: none, and unsigned payloads are accepted (they carry no data, contract 7.3). */
  secret?: string;
  /** Allowed signature age in seconds. Default 300. */
  toleranceSeconds?: number;
  /** Current time in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** How many `(session_id, event)` pairs are remembered to drop repeats. Default 1000. */
  maxRemembered?: number;
}

/** Request headers: a Fetch `Headers` or a Node-style record (any case, arrays allowed). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One incoming delivery. */
export interface WebhookRequest {
  /** The request headers. */
  headers: WebhookHeaders;
  /** The body exactly as received. */
  rawBody: RawBody;
}

/** What to answer and what arrived. */
export interface WebhookHandleResult {
  /** Whether the delivery was authentic and well formed (repeats included). */
  accepted: boolean;
  /** The HTTP status to answer with at once: 200 accepted, 401 bad or missing signature, 400 malformed payload. */
  status: 200 | 400 | 401;
  /** The event, when accepted. Fetch the session to read results. */
  event?: WebhookEvent;
  /** True when this `(session_id, event)` was already accepted: acknowledge it but do nothing. */
  duplicate?: boolean;
  /** The `X-MSA-Delivery` id, when sent. */
  deliveryId?: string;
  /** Why the delivery was refused (safe to log). */
  reason?: string;
}

/** A webhook endpoint's logic, independent of any HTTP framework. */
export interface WebhookReceiver {
  /** Verifies, parses and de-duplicates one delivery. Never throws. */
  handle(request: WebhookRequest): Promise<WebhookHandleResult>;
}

function headerValue(headers: WebhookHeaders, name: string): string | readonly string[] | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/**
 * Creates a webhook receiver (contract 7.5): with a secret, a missing or invalid signature answers 401; a body that
 * is not a `session.*` event with a session id answers 400; repeats of `(session_id, event)` are acknowledged and
 * flagged `duplicate`. Answer with `status` at once and fetch the session asynchronously.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions = {}): WebhookReceiver {
  const { secret, toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS, now = Date.now, maxRemembered = 1000 } = options;
  // An empty secret is almost always an unset variable; accepting unsigned payloads then would hide the mistake.
  if (secret === '') throw new ConfigError('createWebhookReceiver: secret is an empty string; pass the webhook secret or omit it.');
  const seen = new Set<string>();

  return {
    async handle({ headers, rawBody }) {
      const delivery = headerValue(headers, 'x-msa-delivery');
      const deliveryId = typeof delivery === 'string' ? delivery : delivery?.[0];
      const base = deliveryId === undefined ? {} : { deliveryId };
      if (secret !== undefined) {
        const header = headerValue(headers, SIGNATURE_HEADER);
        if (header === undefined || header === '') return { ...base, accepted: false, status: 401, reason: 'missing X-MSA-Signature' };
        const valid = await verifyWebhookSignature({ header, rawBody, secret, toleranceSeconds, now }).catch(() => false);
        if (!valid) return { ...base, accepted: false, status: 401, reason: 'invalid or expired X-MSA-Signature' };
      }
      let event: WebhookEvent;
      try {
        event = parseWebhookPayload(typeof rawBody === 'string' || rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody));
      } catch (error) {
        return { ...base, accepted: false, status: 400, reason: ScribeError.is(error) ? error.message : 'malformed payload' };
      }
      const key = `${event.sessionId}\u0000${event.event}`;
      if (seen.has(key)) return { ...base, accepted: true, status: 200, event, duplicate: true };
      seen.add(key);
      // Sets iterate in insertion order, so the first entry is the oldest.
      while (seen.size > Math.max(1, maxRemembered)) seen.delete(seen.values().next().value as string);
      return { ...base, accepted: true, status: 200, event, duplicate: false };
    },
  };
}
