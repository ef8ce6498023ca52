import { isLoopbackHost } from '../auth/accounts.js';
import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import { formatTimestamp, type Clock } from '../time.js';
import { webhookTargetProblem, type WebhookTargetProblem } from './webhook-target.js';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookRecord, type WebhookRegistry } from './registry.js';

/** What the webhook handlers need. */
export interface WebhookRouteDependencies {
  registry: WebhookRegistry;
  now: Clock;
  /** Accept loopback and private-range targets (`webhooks.allowPrivateTargets`). */
  allowPrivateTargets: boolean;
  /** Most webhooks one business may hold (`webhooks.maxPerBusiness`). */
  maxPerBusiness: number;
}

/** The public view of a webhook: never its secret. */
function publicView(record: WebhookRecord): Record<string, unknown> {
  return { webhook_id: record.webhookId, url: record.url, events: record.events, status: record.status, created_at: formatTimestamp(record.createdAt) };
}

/** `POST {P}/webhooks` (contract 7.1). */
export function createRegisterWebhookHandler(deps: WebhookRouteDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    if (!isJsonObject(ctx.body)) throw invalidRequest('Request body must be a JSON object.');
    const url = validateWebhookUrl(ctx.body.url, deps.allowPrivateTargets);
    const events = validateEvents(ctx.body.events);
    const secret = ctx.body.secret;
    if (secret !== undefined && secret !== null && (typeof secret !== 'string' || secret === '' || secret.length > 256)) {
      throw invalidRequest('secret must be a non-empty string of at most 256 characters.', { field: 'secret' });
    }
    const record = await deps.registry.register({
      businessId: principal.businessId,
      url,
      events,
      ...(typeof secret === 'string' ? { secret } : {}),
      createdAt: deps.now(),
    }, deps.maxPerBusiness);
    if (!record) {
      throw invalidRequest(`This account already has the most webhooks allowed (${deps.maxPerBusiness}); delete one first.`, {
        reason: 'too_many_webhooks',
        limit: deps.maxPerBusiness,
      });
    }
    return json(201, publicView(record));
  };
}

/** `GET {P}/webhooks`: the caller's webhooks, without secrets. */
export function createListWebhooksHandler(deps: WebhookRouteDependencies): Handler {
  return async (ctx) => json(200, { webhooks: deps.registry.list(principalOf(ctx).businessId).map(publicView) });
}

/** `DELETE {P}/webhooks/{webhook_id}`: 204, or 404 `webhook_not_found`. */
export function createDeleteWebhookHandler(deps: WebhookRouteDependencies): Handler {
  return async (ctx) => {
    const webhookId = ctx.params.webhookId as string;
    if (!(await deps.registry.remove(principalOf(ctx).businessId, webhookId))) {
      throw new HttpError(404, 'webhook_not_found', `No webhook ${webhookId} for this account.`, { webhook_id: webhookId });
    }
    return { status: 204 };
  };
}

/** The messages of the refused targets; none repeats the URL, which may hold credentials. */
const TARGET_MESSAGES: Record<WebhookTargetProblem, string> = {
  link_local_target: 'Webhook URLs may not point to link-local addresses (169.254.0.0/16, fe80::/10).',
  reserved_target: 'Webhook URLs may not point to multicast or reserved addresses.',
  loopback_target: 'Webhook URLs may not point to this machine (loopback) unless the server allows private targets.',
  private_target: 'Webhook URLs may not point to private network addresses unless the server allows private targets.',
  credentials_in_url: 'Webhook URLs may not carry credentials (user:password@); use the webhook secret instead.',
};

function validateWebhookUrl(value: unknown, allowPrivateTargets: boolean): string {
  if (value === undefined || value === null) throw new HttpError(400, 'missing_required_field', 'url is required.', { field: 'url' });
  let url: URL;
  try {
    if (typeof value !== 'string') throw new TypeError('not a string');
    url = new URL(value);
  } catch {
    throw invalidRequest('url must be an absolute URL.', { field: 'url' });
  }
  const problem = webhookTargetProblem(url, allowPrivateTargets);
  if (problem) throw invalidRequest(TARGET_MESSAGES[problem], { field: 'url', reason: problem });
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw invalidRequest('Webhook URLs must use HTTPS (plain http only for loopback hosts).', { field: 'url' });
  }
  return value as string;
}

function validateEvents(value: unknown): WebhookEvent[] {
  if (value === undefined || value === null) throw new HttpError(400, 'missing_required_field', 'events is required.', { field: 'events' });
  if (!Array.isArray(value) || value.length === 0) throw invalidRequest('events must be a non-empty array.', { field: 'events' });
  const unknown = value.filter((event) => !WEBHOOK_EVENTS.includes(event as WebhookEvent));
  if (unknown.length > 0) {
    throw invalidRequest(`Unknown webhook events: ${unknown.map((event) => JSON.stringify(event)).join(', ')}.`, {
      field: 'events',
      supported_events: [...WEBHOOK_EVENTS],
    });
  }
  return [...new Set(value as WebhookEvent[])];
}
