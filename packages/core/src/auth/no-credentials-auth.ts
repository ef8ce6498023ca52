import type { AuthProvider } from './auth-provider';

/**
 * Headers of the application's own (a CSRF token, a tenant header) added to every call: a record, or a function read
 * before each call. They are the app's, not the service's: never put a service credential here.
 */
export type RelayHeaders = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of {@link createNoCredentialsAuth}. */
export interface NoCredentialsAuthOptions {
  /** What to check when the service answers 401 (ends the AuthError message). Default: sign in to the application again. */
  advice?: string;
  /** Extra headers on every call (see {@link RelayHeaders}). Default none. */
  headers?: RelayHeaders;
}

/**
 * Mode `none`: protocol calls carry no credential header at all. For a client that talks to a relay (the
 * `createScribeRelay` handler of @scribe/node) which holds the service credentials itself and authenticates the user
 * by the application's own cookie or by `headers`. A 401 is final: there is nothing to renew.
 */
export function createNoCredentialsAuth(options: NoCredentialsAuthOptions = {}): AuthProvider {
  const { headers } = options;
  const advice = options.advice ?? 'The relay refused the request: the user is not signed in to the application (or the session expired). Sign in again.';
  return {
    mode: 'none',
    // A fresh object per call: the transport may add to it.
    headers: async () => ({ ...(typeof headers === 'function' ? await headers() : headers) }),
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [],
    advice: () => advice,
  };
}
