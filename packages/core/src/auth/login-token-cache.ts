import type { Clock } from '../ports/clock';
import type { AuthHeadersOptions, UnauthorizedOptions } from './auth-provider';
import { businessIdFromToken } from './business-id';
import { createSingleFlight } from './single-flight';
import type { TokenState } from './token-state';

// Enough to redact every token a long-lived client still holds or logs about, without growing for ever.
const MAX_REMEMBERED_SECRETS = 16;

/** Obtains a token (a login, or a refresh of `current`); it hands the token to {@link LoginTokenCache.keep}. */
export type RenewToken = (current: TokenState | undefined, signal: AbortSignal) => Promise<TokenState>;

/** The token a login mode holds, and the part of its auth provider that reads it or renews it. */
export interface LoginTokenCache {
  /** The `Authorization` header, renewing first (one renewal shared by concurrent callers) when there is no fresh token. */
  headers(options?: AuthHeadersOptions): Promise<Record<string, string>>;
  /** Drops the rejected token, so that the retry renews; always `true` (retry once). */
  onUnauthorized(options?: UnauthorizedOptions): Promise<boolean>;
  /** The business id in the current access token, if it carries one. */
  businessId(): string | undefined;
  /** Holds a token just obtained, and remembers its access and refresh tokens for redaction; returns it. */
  keep(token: TokenState): TokenState;
  /** The access and refresh tokens obtained so far (the last 16), which every error of the mode redacts. */
  readonly remembered: readonly string[];
}

/**
 * Creates the token cache of a login mode (client credentials, password): the token is fresh until its `staleAt` on
 * `clock`, and `renew` runs in one flight that every concurrent caller joins.
 */
export function createLoginTokenCache(clock: Clock, renew: RenewToken): LoginTokenCache {
  const flight = createSingleFlight<TokenState>();
  const remembered: string[] = [];
  let token: TokenState | undefined;
  const remember = (value: string | undefined) => {
    if (!value || remembered.includes(value)) return;
    remembered.push(value);
    if (remembered.length > MAX_REMEMBERED_SECRETS) remembered.shift();
  };
  return {
    async headers({ signal } = {}) {
      const current = token;
      if (current && clock.now() < current.staleAt) return { Authorization: `Bearer ${current.accessToken}` };
      const next = await flight.run((taskSignal) => renew(current, taskSignal), signal);
      return { Authorization: `Bearer ${next.accessToken}` };
    },
    async onUnauthorized({ rejectedHeaders } = {}) {
      const rejected = rejectedHeaders?.Authorization?.replace(/^Bearer\s+/i, '');
      // Only the rejected token is dropped: a concurrent call may already have logged in again.
      if (token && (rejected === undefined || rejected === token.accessToken)) token = undefined;
      return true;
    },
    businessId: () => businessIdFromToken(token?.accessToken),
    keep(next) {
      remember(next.accessToken);
      remember(next.refreshToken);
      token = next;
      return next;
    },
    remembered,
  };
}
