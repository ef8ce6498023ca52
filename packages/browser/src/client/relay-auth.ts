import type { AuthProvider } from '@scribe/core/internal';

/** Extra headers on every relay request (a CSRF token, a tenant header): a record, or a function read before each call. */
export type RelayHeaders = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of {@link createRelayAuth}. */
export interface RelayAuthOptions {
  /** Headers added to every relay call. Default none. */
  headers?: RelayHeaders;
}

/**
 * The auth provider of relay mode (`none`): the browser holds no credential of the service. The app's own session
 * (its cookie, sent by `fetch` with `credentials`, or a header from `headers`) authenticates the user to the relay,
 * which adds the service's credentials on the server. A 401 is final: only the app can sign its user in again.
 */
export function createRelayAuth(options: RelayAuthOptions = {}): AuthProvider {
  const { headers } = options;
  return {
    mode: 'none',
    headers: async () => ({ ...(typeof headers === 'function' ? await headers() : headers) }),
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [],
    advice: () => 'The relay refused the request: the user is not signed in to the app (its cookie or the headers option), or the relay route rejected them.',
  };
}
