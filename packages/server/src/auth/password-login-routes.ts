import { timingSafeEqual } from 'node:crypto';
import type { Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { HttpError, json } from '../http/responses.js';
import type { LoginDependencies } from './login-routes.js';

/** Path of the on-prem username/password login. */
export const PASSWORD_LOGIN_PATH = '/connect-auth/v1/login';

/**
 * `POST /connect-auth/v1/login` of the on-prem variant: `{username, password}` → `{status, user, access_token,
 * expires_in, refresh_token}`. A missing field is FastAPI's 422 naming it; a wrong username or password is 401
 * `invalid_credentials` (the same answer for both, so usernames cannot be probed).
 */
export function createPasswordLoginHandler(deps: LoginDependencies): Handler {
  return async (ctx) => {
    if (!isJsonObject(ctx.body)) throw new HttpError(422, 'invalid_request', 'Input should be a valid dictionary', { field: 'body' });
    const username = requireField(ctx.body, 'username');
    const password = requireField(ctx.body, 'password');
    const account = deps.accounts.findByUsername(username);
    // The comparison runs even for an unknown username, so its timing does not tell whether the username exists.
    const matches = sameSecret(account?.password ?? '\u0000unknown-user', password);
    if (!account || !matches) throw new HttpError(401, 'invalid_credentials', 'invalid_credentials');
    const tokens = await deps.tokens.issue(account, ctx.origin);
    return json(200, {
      status: 'success',
      user: { username, business_id: account.businessId },
      access_token: tokens.access_token,
      expires_in: tokens.expires_in,
      refresh_token: tokens.refresh_token,
    });
  };
}

/** The on-prem answer of the client-credentials routes: they sit behind a gateway the service does not have. */
export const missingTokenHandler: Handler = async () => {
  throw new HttpError(403, 'missing_token', 'missing_token');
};

function requireField(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw new HttpError(422, 'missing', 'Field required', { field });
  if (typeof value !== 'string' || value === '') throw new HttpError(422, 'string_type', 'Input should be a non-empty string', { field });
  return value;
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
