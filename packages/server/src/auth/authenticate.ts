import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../http/responses.js';
import type { AccountDirectory } from './accounts.js';
import { looksLikeJwt } from './jwt.js';
import type { TokenService } from './token-service.js';

/** How the caller proved who it is; decides the `templates` shape (contract 0.3). */
export type CredentialKind = 'api-key' | 'access-token' | 'jwt-payload';

/** The authenticated caller. */
export interface Principal {
  kind: CredentialKind;
  businessId: string;
  clientId?: string;
  /** Identity for rate limiting: one bucket per key, per client (across its rotating tokens), or per business. */
  rateKey: string;
}

/** What authentication needs. */
export interface AuthenticateDependencies {
  accounts: AccountDirectory;
  tokens: TokenService;
  trustJwtPayload: boolean;
  /** The on-prem variant: bearer tokens only, FastAPI-style 403 `missing_token` / `invalid_token` / `token_expired`. Default false. */
  onPrem?: boolean;
}

/**
 * Resolves the caller per contract 1.4: `X-API-Key`, then `Authorization`, then `jwt-payload`. The first credential
 * present decides; an invalid one is 401 and never falls through to another header.
 */
export function authenticate(headers: IncomingHttpHeaders, deps: AuthenticateDependencies): Principal {
  if (deps.onPrem) return authenticateOnPrem(headers, deps);
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string') return byApiKey(apiKey.trim(), deps);
  const authorization = headers.authorization;
  if (typeof authorization === 'string') return byAuthorization(authorization.trim(), deps);
  const jwtPayload = headers['jwt-payload'];
  if (typeof jwtPayload === 'string') return byJwtPayload(jwtPayload, deps);
  throw unauthenticated('credentials required', 'missing_credentials');
}

function byAuthorization(value: string, deps: AuthenticateDependencies): Principal {
  const space = value.indexOf(' ');
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const credential = space < 0 ? '' : value.slice(space + 1).trim();
  if (scheme === 'x-api-key') return byApiKey(credential, deps);
  if (scheme !== 'bearer') throw unauthenticated(`unsupported Authorization scheme "${scheme}"`, 'unsupported_scheme');
  if (!looksLikeJwt(credential)) return byApiKey(credential, deps);
  const verification = deps.tokens.verifyAccessToken(credential);
  if (!verification.ok) {
    if (verification.reason === 'expired') throw new HttpError(401, 'token_expired', 'The access token has expired.');
    throw unauthenticated('invalid access token', verification.reason);
  }
  const { sub, 'b-id': businessId } = verification.claims;
  return { kind: 'access-token', businessId, clientId: sub, rateKey: `client:${sub}` };
}

function byApiKey(key: string, deps: AuthenticateDependencies): Principal {
  const account = key === '' ? undefined : deps.accounts.findByApiKey(key);
  if (!account) throw unauthenticated('unknown API key', 'unknown_api_key');
  const keyHash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { kind: 'api-key', businessId: account.businessId, clientId: account.clientId, rateKey: `key:${keyHash}` };
}

function byJwtPayload(value: string, deps: AuthenticateDependencies): Principal {
  if (!deps.trustJwtPayload) throw unauthenticated('the jwt-payload header is not accepted by this server', 'jwt_payload_disabled');
  let payload: unknown;
  try {
    payload = JSON.parse(value);
  } catch {
    throw unauthenticated('jwt-payload is not valid JSON', 'malformed_jwt_payload');
  }
  const businessId = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['b-id'] : undefined;
  if (typeof businessId !== 'string' || businessId === '') throw unauthenticated('jwt-payload has no b-id', 'missing_business_id');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(businessId) || businessId.length > 256) throw unauthenticated('jwt-payload b-id is malformed', 'malformed_business_id');
  return { kind: 'jwt-payload', businessId, rateKey: `business:${businessId}` };
}

function unauthenticated(message: string, reason: string): HttpError {
  return new HttpError(401, 'authentication_failed', message.charAt(0).toUpperCase() + message.slice(1) + '.', { reason });
}

/**
 * The on-prem variant: only `Authorization: Bearer <access token>` counts. The service's proxy strips `jwt-payload`
 * and knows no API keys, so anything else is 403 `missing_token`; a bad token `invalid_token`, an expired one
 * `token_expired` (the codes its FastAPI `detail` carries).
 */
function authenticateOnPrem(headers: IncomingHttpHeaders, deps: AuthenticateDependencies): Principal {
  const match = typeof headers.authorization === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(headers.authorization.trim()) : null;
  if (!match) throw new HttpError(403, 'missing_token', 'missing_token');
  const verification = deps.tokens.verifyAccessToken(match[1]!);
  if (!verification.ok) {
    if (verification.reason === 'expired') throw new HttpError(403, 'token_expired', 'token_expired');
    throw new HttpError(403, 'invalid_token', 'invalid_token');
  }
  const { sub, 'b-id': businessId } = verification.claims;
  return { kind: 'access-token', businessId, clientId: sub, rateKey: `client:${sub}` };
}
