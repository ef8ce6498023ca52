import { AuthError } from '../errors';
import { decodeIfText, isWireObject, optionalNumber, optionalString } from './parse-wire';

/** Token lifetime assumed when `expires_in` is absent, zero or not a number (contract 1.2). */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** A login or refresh answer (contract 1.2). Holds secrets: never log it. */
export interface TokenResponse {
  /** The bearer token. */
  accessToken: string;
  /** A new refresh token, when the server rotated it (keep the previous one otherwise). */
  refreshToken: string | undefined;
  /** Lifetime in seconds, defaulted to 3600 when the server gave no usable value. */
  expiresIn: number;
  /** Whether `expires_in` was missing or unusable and `expiresIn` is the default. */
  expiresInDefaulted: boolean;
  /** Usually `Bearer`. */
  tokenType: string | undefined;
}

/** Parses a login/refresh body. Throws AuthError "login response missing access_token" when there is no token. */
export function parseTokenResponse(raw: unknown): TokenResponse {
  const body = decodeIfText(raw);
  const accessToken = isWireObject(body) ? optionalString(body.access_token) : undefined;
  // The body is never quoted: it holds credentials.
  if (!isWireObject(body) || !accessToken) throw new AuthError('login response missing access_token');
  const lifetime = optionalNumber(body.expires_in);
  const usable = lifetime !== undefined && lifetime > 0;
  return {
    accessToken,
    refreshToken: optionalString(body.refresh_token) || undefined,
    expiresIn: usable ? lifetime : DEFAULT_TOKEN_LIFETIME_SECONDS,
    expiresInDefaulted: !usable,
    tokenType: optionalString(body.token_type),
  };
}
