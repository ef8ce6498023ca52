import type { Handler, RequestContext } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import { timingSafeEqual } from 'node:crypto';
import type { AccountDirectory } from './accounts.js';
import type { TokenService } from './token-service.js';

/** What the login and refresh handlers need. */
export interface LoginDependencies {
  accounts: AccountDirectory;
  tokens: TokenService;
}

/** `POST /connect-auth/v1/account/login`: client credentials → tokens, with the production error bodies (1.6). */
export function createLoginHandler(deps: LoginDependencies): Handler {
  return async (ctx) => {
    const body = requireObject(ctx);
    const clientId = requireString(body, 'client_id');
    const clientSecret = requireString(body, 'client_secret');
    const account = deps.accounts.findByClientId(clientId);
    if (!account) throw new HttpError(404, 'PROFILE_NOT_FOUND', 'PROFILE_NOT_FOUND');
    if (!sameSecret(account.clientSecret, clientSecret)) throw new HttpError(400, 'PWD_MISMATCH', 'pwd mismatch');
    return json(200, await deps.tokens.issue(account, ctx.origin));
  };
}

/** `POST .../refresh-token` (and `.../refresh`): a single-use refresh token → a new token pair. */
export function createRefreshHandler(deps: LoginDependencies): Handler {
  return async (ctx) => {
    const body = requireObject(ctx);
    const refreshToken = requireString(body, 'refresh_token');
    const clientId = await deps.tokens.redeemRefreshToken(refreshToken);
    const account = clientId === undefined ? undefined : deps.accounts.findByClientId(clientId);
    if (!account) {
      throw new HttpError(401, 'authentication_failed', 'Refresh token is unknown, expired or already used.', { reason: 'invalid_refresh_token' });
    }
    return json(200, await deps.tokens.issue(account, ctx.origin));
  };
}

function requireObject(ctx: RequestContext): Record<string, unknown> {
  if (!isJsonObject(ctx.body)) throw invalidRequest('Request body must be a JSON object.');
  return ctx.body;
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidRequest(`${field} must be a non-empty string.`, { field });
  return value;
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
