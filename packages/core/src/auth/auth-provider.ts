import type { TransportAuth } from '../transport/transport-auth';

export type { AuthHeadersOptions, UnauthorizedOptions } from '../transport/transport-auth';

/** Which credential mode a provider implements: those of contract 1.1, plus a self-hosted EkaScribe's `password` login. */
export type AuthMode = 'jwt-payload' | 'bearer' | 'client-credentials' | 'password' | 'api-key' | 'none';

/**
 * Supplies the credential headers of one auth mode (contract 1.1) and reacts to a 401: the transport's
 * {@link TransportAuth} plus what the client reads about the credential.
 */
export interface AuthProvider extends TransportAuth {
  /** The mode, for diagnostics and advice. */
  readonly mode?: AuthMode;
  /** The business id the credential belongs to, when it can be read locally (never configured, never sent). */
  businessId(): string | undefined;
}
