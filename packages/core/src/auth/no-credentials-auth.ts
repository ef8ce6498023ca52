import type { AuthProvider } from './auth-provider';

/** Options of {@link createNoCredentialsAuth}. */
export interface NoCredentialsAuthOptions {
  /** What to check when the service answers 401 (ends the AuthError message). Default: sign in to the application again. */
  advice?: string;
}

/**
 * Mode `none`: protocol calls carry no credential header at all. For a client that talks to a relay (the
 * `createScribeRelay` handler of @scribe/node) which holds the service credentials itself and authenticates the user
 * by the application's own cookie or header. A 401 is final: there is nothing to renew.
 */
export function createNoCredentialsAuth(options: NoCredentialsAuthOptions = {}): AuthProvider {
  const advice = options.advice ?? 'The relay refused the request: the user is not signed in to the application (or the session expired). Sign in again.';
  return {
    mode: 'none',
    headers: async () => ({}),
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [],
    advice: () => advice,
  };
}
