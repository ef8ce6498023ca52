import { AuthError, ScribeError } from '../errors';
import { errorForAbort } from '../errors/abort';
import type { AuthProvider, UnauthorizedOptions } from './auth-provider';
import { businessIdFromToken } from './business-id';
import { createSingleFlight } from './single-flight';

/** Arguments the SDK passes to a bearer token callback. */
export interface GetTokenOptions {
  /** True after the service rejected the last token: return a new one, not a cached one. */
  forceRefresh: boolean;
  /** Cancels the token request. */
  signal?: AbortSignal;
}

/** A callback that supplies bearer tokens obtained elsewhere (OIDC and the like); it should cache them itself. */
export type GetToken = (options: GetTokenOptions) => Promise<string>;

/** Options of {@link createBearerTokenAuth}: a fixed token, or a callback. */
export type BearerTokenAuthOptions = { accessToken: string } | { getToken: GetToken };

// Remembered tokens, for redaction: the current one plus a few older ones that may still be quoted somewhere.
const MAX_REMEMBERED_TOKENS = 8;

/**
 * Bearer mode (contract 1.1 row 2): `Authorization: Bearer <token>`. With a callback, a 401 makes one call with
 * `forceRefresh: true` (shared by concurrent 401s) and one retry; a fixed token cannot be renewed, so a 401 is final.
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

  // The callback is application code: whatever it throws is reported as an AuthError, never passed on raw.
  const getToken = async (tokenOptions: GetTokenOptions): Promise<string> => {
    let token: unknown;
    try {
      token = await options.getToken(tokenOptions);
    } catch (error) {
      if (ScribeError.is(error)) throw error;
      if (tokenOptions.signal?.aborted) throw errorForAbort(tokenOptions.signal);
      const message = error instanceof Error ? error.message : String(error);
      throw new AuthError(`The getToken callback failed: ${message}. Fix the token source, then try again.`, { cause: error, secrets: seen });
    }
    if (typeof token !== 'string' || !token) throw new AuthError('The getToken callback returned no token: it must resolve to a non-empty string.');
    return token;
  };
  const forced = createSingleFlight<string>();
  let latest: string | undefined;
  // A callback that ignores `forceRefresh: false` may keep handing out the token the service just rejected; the one
  // it returned when forced replaces it.
  let replacement: { rejected: string; fresh: string } | undefined;

  return {
    mode: 'bearer',
    async headers({ signal } = {}) {
      let token = remember(await getToken({ forceRefresh: false, signal }));
      if (replacement && token === replacement.rejected) token = replacement.fresh;
      latest = token;
      return { Authorization: `Bearer ${token}` };
    },
    async onUnauthorized({ signal, rejectedHeaders }: UnauthorizedOptions = {}) {
      const rejected = rejectedHeaders?.Authorization?.replace(/^Bearer\s+/i, '') ?? latest;
      // Concurrent 401s for one token share one forced refresh, even when they arrive after it finished.
      if (rejected !== undefined && replacement?.rejected === rejected) return true;
      const fresh = remember(await forced.run((taskSignal) => getToken({ forceRefresh: true, signal: taskSignal }), signal));
      if (rejected !== undefined && fresh !== rejected) replacement = { rejected, fresh };
      return true;
    },
    businessId: () => businessIdFromToken(latest),
    secrets: () => [...seen],
    advice,
  };
}
