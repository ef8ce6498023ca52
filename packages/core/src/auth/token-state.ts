import type { TokenResponse } from '../protocol/token-response';

/** Longest head start a renewal takes before expiry, in milliseconds (5 minutes). */
export const MAX_REFRESH_SKEW_MS = 300_000;

/** A held access token and when to renew it, on the monotonic clock. */
export interface TokenState {
  /** The bearer token (secret). */
  accessToken: string;
  /** The token to refresh with, if the service ever gave one (secret). */
  refreshToken: string | undefined;
  /** Monotonic time (ms) at which the access token expires. */
  expiresAt: number;
  /** Monotonic time (ms) from which the token counts as stale and is renewed before use. */
  staleAt: number;
}

/**
 * Applies the timing rules of contract 1.2 to a parsed login or refresh answer: expiry = receipt + `expires_in`,
 * stale at `expiry − min(300 s, lifetime / 2)` (so short test tokens do not renew on every call), and an absent
 * `refresh_token` keeps the previous one.
 */
export function tokenStateFrom(response: TokenResponse, receivedAt: number, previousRefreshToken: string | undefined): TokenState {
  const lifetimeMs = response.expiresIn * 1000;
  const expiresAt = receivedAt + lifetimeMs;
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken ?? previousRefreshToken,
    expiresAt,
    staleAt: expiresAt - Math.min(MAX_REFRESH_SKEW_MS, lifetimeMs / 2),
  };
}
