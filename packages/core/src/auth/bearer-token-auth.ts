import { AuthError, ScribeError } from '../errors';
import { errorForAbort } from '../errors/abort';
import { createSystemClock, type Clock } from '../ports/clock';
import type { AuthProvider, UnauthorizedOptions } from './auth-provider';
import { businessIdFromToken, decodeJwtPayload } from './business-id';
import { createSingleFlight } from './single-flight';

/** Arguments the SDK passes to a bearer token callback. */
export interface GetTokenOptions {
  /** True after the service rejected the last token: return a new one, not a cached one. */
  forceRefresh: boolean;
  /** Cancels the token request. */
  signal?: AbortSignal;
}

/** A token with its expiry, as a {@link GetToken} callback may return it. */
export interface ExpiringToken {
  /** The bearer token (secret). */
  token: string;
  /** When it expires: epoch milliseconds or a Date. */
  expiresAt: number | Date;
}

/**
 * A callback that supplies bearer tokens obtained elsewhere (OIDC, an on-prem login and the like). The SDK caches
 * what it returns: until `expiresAt`, or a plain JWT's `exp`, comes within 60 seconds; a string
 * with no readable expiry until the service rejects it.
 */
export type GetToken = (options: GetTokenOptions) => Promise<string | ExpiringToken>;

/** Options of {@link createBearerTokenAuth}: a fixed token, or a callback (with the clock its expiry is read on). */
export type BearerTokenAuthOptions = { accessToken: string } | { getToken: GetToken; clock?: Clock };

/** How long before a cached token's expiry the callback is asked for a new one (60 s). */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
  token: string;
  /** Wall-clock epoch ms, or undefined when nothing says when it expires. */
  expiresAt: number | undefined;
}

// Remembered tokens, for redaction: the current one plus a few older ones that may still be quoted somewhere.
const MAX_REMEMBERED_TOKENS = 8;

/**
 * Bearer mode (contract 1.1 row 2): `Authorization: Bearer <token>`. A callback's answer is cached until its expiry
 * nears (one in-flight call shared by concurrent requests); a 401, or a 403 saying the token is missing, invalid or
 * expired, makes one call with `forceRefresh: true` (shared by concurrent rejections) and one retry. A fixed token
 * cannot be renewed, so a rejection is final.
 */
export function createBearerTokenAuth(options: BearerTokenAuthOptions): AuthProvider {
  const seen: string[] = [];
  const remember = (token: string) => {
    if (!seen.includes(token)) seen.push(token);
    if (seen.length > MAX_REMEMBERED_TOKENS) seen.shift();
    return token;
  };
  const advice = () =>
    'The bearer token was rejected (expired, or issued for another service): supply a fresh token, or a `getToken` callback so the SDK can ask for one.';

  if ('accessToken' in options) {
    const token = remember(options.accessToken);
    return {
      mode: 'bearer',
      headers: async () => ({ Authorization: `Bearer ${token}` }),
      onUnauthorized: async () => false,
      businessId: () => businessIdFromToken(token),
      secrets: () => [...seen],
      advice,
    };
  }

  const clock = options.clock ?? createSystemClock();
  // The callback is application code: whatever it throws is reported as an AuthError, never passed on raw.
  const getToken = async (tokenOptions: GetTokenOptions): Promise<CachedToken> => {
    let answer: unknown;
    try {
      answer = await options.getToken(tokenOptions);
    } catch (error) {
      if (ScribeError.is(error)) throw error;
      if (tokenOptions.signal?.aborted) throw errorForAbort(tokenOptions.signal);
      const message = error instanceof Error ? error.message : String(error);
      throw new AuthError(`The getToken callback failed: ${message}. Fix the token source, then try again.`, { cause: error, secrets: seen });
    }
    const cached = readToken(answer);
    remember(cached.token);
    return cached;
  };
  // Ordinary and forced calls fly apart: a rejection must not settle for a token fetched before it.
  const fetching = createSingleFlight<CachedToken>();
  const forced = createSingleFlight<CachedToken>();
  let current: CachedToken | undefined;
  // A callback that ignores `forceRefresh: false` may keep handing out the token the service just rejected; the one
  // it returned when forced replaces it.
  let replacement: { rejected: string; fresh: string } | undefined;
  const usable = (cached: CachedToken | undefined): cached is CachedToken =>
    cached !== undefined && (cached.expiresAt === undefined || clock.wallNow() < cached.expiresAt - TOKEN_EXPIRY_MARGIN_MS);

  return {
    mode: 'bearer',
    async headers({ signal } = {}) {
      if (!usable(current)) {
        const fetched = await fetching.run((taskSignal) => getToken({ forceRefresh: false, signal: taskSignal }), signal);
        current = replacement && fetched.token === replacement.rejected ? { ...fetched, token: replacement.fresh } : fetched;
      }
      return { Authorization: `Bearer ${current.token}` };
    },
    async onUnauthorized({ signal, rejectedHeaders }: UnauthorizedOptions = {}) {
      const rejected = rejectedHeaders?.Authorization?.replace(/^Bearer\s+/i, '') ?? current?.token;
      // Concurrent rejections of one token share one forced refresh, even when they arrive after it finished.
      if (rejected !== undefined && current !== undefined && current.token !== rejected) return true;
      if (rejected !== undefined && replacement?.rejected === rejected) return true;
      const fresh = await forced.run((taskSignal) => getToken({ forceRefresh: true, signal: taskSignal }), signal);
      if (rejected !== undefined && fresh.token !== rejected) replacement = { rejected, fresh: fresh.token };
      current = fresh;
      return true;
    },
    businessId: () => businessIdFromToken(current?.token),
    secrets: () => [...seen],
    advice,
  };
}

// A string is read as a JWT when it is one (its `exp`, in seconds); `{ token, expiresAt }` says so itself.
function readToken(answer: unknown): CachedToken {
  if (typeof answer === 'string' && answer) {
    const exp = decodeJwtPayload(answer)?.exp;
    return { token: answer, expiresAt: typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined };
  }
  if (typeof answer === 'object' && answer !== null && typeof (answer as ExpiringToken).token === 'string' && (answer as ExpiringToken).token) {
    const { token, expiresAt } = answer as ExpiringToken;
    const at = expiresAt instanceof Date ? expiresAt.getTime() : expiresAt;
    if (typeof at !== 'number' || !Number.isFinite(at)) {
      throw new AuthError('The getToken callback returned `expiresAt` that is neither epoch milliseconds nor a valid Date.', { secrets: [token] });
    }
    return { token, expiresAt: at };
  }
  throw new AuthError('The getToken callback returned no token: it must resolve to a non-empty string or `{ token, expiresAt }`.');
}
