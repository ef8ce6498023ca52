import { createLoginHandler, createRefreshHandler, type LoginDependencies } from './auth/login-routes.js';
import { createPasswordLoginHandler, missingTokenHandler, PASSWORD_LOGIN_PATH } from './auth/password-login-routes.js';
import { createUploadHandler } from './audio/upload.js';
import { createDiscoveryHandler } from './discovery.js';
import type { Handler } from './http/context.js';
import { json } from './http/responses.js';
import type { RouteDefinition } from './http/router.js';
import type { ResolvedOptions } from './options.js';
import { createCreateSessionHandler } from './sessions/create.js';
import { createEndSessionHandler, type StreamFinisher } from './sessions/end.js';
import { createGetSessionHandler } from './sessions/get.js';
import { createPatchSessionHandler } from './sessions/patch.js';
import { createProcessTemplateHandler } from './sessions/process-template.js';
import { assertOpenSession, type SessionDependencies } from './sessions/session-access.js';
import { onPremTemplatesListBody, templatesListBody } from './templates.js';
import {
  createDeleteWebhookHandler,
  createListWebhooksHandler,
  createRegisterWebhookHandler,
  type WebhookRouteDependencies,
} from './webhooks/webhook-routes.js';

/** Everything the route handlers depend on. */
export interface RouteDependencies {
  options: ResolvedOptions;
  login: LoginDependencies;
  sessions: SessionDependencies;
  webhooks: WebhookRouteDependencies;
  /** The WebSocket stream endpoint, which `end` asks to close and store a stream session's audio. */
  streams?: StreamFinisher;
}

type Route = RouteDefinition<Handler>;

const root = (method: string, path: string, body: Route['body'], handler: Handler): Route => ({ method, path, protocol: false, auth: false, body, handler });
const open = (method: string, path: string, handler: Handler): Route => ({ method, path, protocol: true, auth: false, body: 'none', handler });
const api = (method: string, path: string, body: Route['body'], handler: Handler): Route => ({ method, path, protocol: true, auth: true, body, handler });

/** The route table of contract 0.3; `{P}` routes are mounted under `/v1` and `/voice/v1` by the router. */
export function buildRoutes(deps: RouteDependencies): Route[] {
  const discovery = createDiscoveryHandler(deps.options);
  const { onPrem } = deps.options;
  // On-prem: the client-credentials routes sit behind a gateway the service lacks; its own login takes a password.
  const refresh = onPrem ? missingTokenHandler : createRefreshHandler(deps.login);
  const templatesBody = onPrem ? onPremTemplatesListBody : templatesListBody;
  const uploadHandler = createUploadHandler(deps.sessions);
  // The session is looked up before the body is read: a body for an unknown or closed session is never buffered.
  const beforeUpload = (params: Record<string, string>, businessId: string) => assertOpenSession(deps.sessions, businessId, params.sessionId as string);
  const upload = (method: string, path: string): Route => ({ ...api(method, path, 'audio', uploadHandler), beforeBody: beforeUpload });
  const processTemplate = createProcessTemplateHandler(deps.sessions);
  return [
    root('GET', '/.well-known/medscribealliance', 'none', discovery),
    open('GET', '/.well-known/medscribealliance', discovery),
    root('GET', '/health', 'none', async () => json(200, { status: 'ok' })),
    root('POST', '/connect-auth/v1/account/login', 'json', onPrem ? missingTokenHandler : createLoginHandler(deps.login)),
    ...(onPrem ? [root('POST', PASSWORD_LOGIN_PATH, 'json', createPasswordLoginHandler(deps.login))] : []),
    root('POST', '/connect-auth/v1/account/refresh-token', 'json', refresh),
    root('POST', '/connect-auth/v1/account/refresh', 'json', refresh),
    api('GET', '/templates', 'none', async () => json(200, templatesBody(deps.options.templates))),
    api('POST', '/sessions', 'json', createCreateSessionHandler(deps.sessions)),
    api('GET', '/sessions/:sessionId', 'none', createGetSessionHandler(deps.sessions)),
    api('PATCH', '/sessions/:sessionId', 'json', createPatchSessionHandler(deps.sessions)),
    api('POST', '/sessions/:sessionId/end', 'json', createEndSessionHandler(deps.sessions, deps.streams)),
    api('POST', '/sessions/:sessionId/process/template', 'none', processTemplate),
    api('POST', '/sessions/:sessionId/process/template/:templateId', 'none', processTemplate),
    upload('POST', '/sessions/:sessionId/audio'),
    upload('PUT', '/sessions/:sessionId/audio'),
    upload('POST', '/sessions/:sessionId/audio/:fileName'),
    upload('PUT', '/sessions/:sessionId/audio/:fileName'),
    api('POST', '/webhooks', 'json', createRegisterWebhookHandler(deps.webhooks)),
    api('GET', '/webhooks', 'none', createListWebhooksHandler(deps.webhooks)),
    api('DELETE', '/webhooks/:webhookId', 'none', createDeleteWebhookHandler(deps.webhooks)),
  ];
}
