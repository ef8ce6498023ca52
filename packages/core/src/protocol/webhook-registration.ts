import { APIError } from '../errors';
import { decodeIfText, describeType, isWireObject, optionalString, parseWire, stringList, UNEXPECTED_BODY_ADVICE, type WireObject } from './parse-wire';
import { looseObject, nonEmptyString, runWireCheck } from './wire-check';
import { parseTimestamp, type WireTimestamp } from './wire-timestamp';

/** A registered webhook (contract 7.1). The secret is never returned. */
export interface WebhookRegistration {
  /** Id for `DELETE {webhooks_url}/{webhook_id}`. */
  webhookId: string;
  /** Where deliveries go. */
  url: string | undefined;
  /** Subscribed events. */
  events: string[];
  /** Usually `active`. */
  status: string | undefined;
  /** When it was registered. */
  createdAt: WireTimestamp | undefined;
  /** The item as received. */
  raw: WireObject;
}

const registrationSchema = /* @__PURE__ */ looseObject({ webhook_id: nonEmptyString });

function toRegistration(body: WireObject & { webhook_id: string }): WebhookRegistration {
  return {
    webhookId: body.webhook_id,
    url: optionalString(body.url),
    events: stringList(body.events),
    status: optionalString(body.status),
    createdAt: parseTimestamp(body.created_at),
    raw: body,
  };
}

/** Parses the answer to a webhook registration. Throws APIError without `webhook_id`. */
export function parseWebhookRegistration(raw: unknown): WebhookRegistration {
  return toRegistration(parseWire(registrationSchema, raw, 'webhook registration'));
}

/** Parses `GET {webhooks_url}`: `{webhooks: [...]}` (a bare list tolerated; items without an id dropped). */
export function parseWebhookList(raw: unknown): WebhookRegistration[] {
  const body = decodeIfText(raw);
  const list = Array.isArray(body) ? body : isWireObject(body) ? body.webhooks : undefined;
  if (!Array.isArray(list)) throw new APIError(`Malformed webhook list: expected {"webhooks": [...]}, received ${describeType(body)}. ${UNEXPECTED_BODY_ADVICE}`);
  return list.flatMap((item) => {
    const parsed = runWireCheck(registrationSchema, item);
    return parsed.issues.length === 0 ? [toRegistration(parsed.value)] : [];
  });
}
