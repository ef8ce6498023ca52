import type { ScribeConfig } from '../config/scribe-config';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Transport } from '../transport/transport';
import { createApiKeyAuth } from './api-key-auth';
import type { AuthProvider } from './auth-provider';
import { createBearerTokenAuth, type GetToken } from './bearer-token-auth';
import { createClientCredentialsAuth } from './client-credentials-auth';
import { createJwtPayloadAuth } from './jwt-payload-auth';
import { createMissingCredentialsAuth } from './missing-credentials-auth';

/** What {@link selectAuthProvider} needs besides the configuration. */
export interface AuthDependencies {
  /** A bearer token callback (OIDC and the like); selects bearer mode. Default none. */
  getToken?: GetToken;
  /** Sends login and refresh calls in client-credentials mode. Default: an HTTP transport built from the config. */
  transport?: Transport;
  /** Monotonic time for token expiry. Default: the system clock. */
  clock?: Clock;
  /** Receives redacted notes. Default: silent. */
  logger?: Logger;
  /** fetch for the default login transport. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Jitter source for the default login transport. Default `Math.random`. */
  random?: () => number;
}

/**
 * Picks the auth mode per contract 1.1, first match wins: `jwtPayload` → dev direct; `getToken` or `accessToken` →
 * bearer; `clientId` + `clientSecret` → client credentials (with `apiKey` in the login body); `apiKey` → API key;
 * nothing → a provider that reports "missing credentials" at the first authenticated call.
 */
export function selectAuthProvider(config: ScribeConfig, dependencies: AuthDependencies = {}): AuthProvider {
  if (config.jwtPayload) return createJwtPayloadAuth({ jwtPayload: config.jwtPayload });
  if (dependencies.getToken) return createBearerTokenAuth({ getToken: dependencies.getToken, clock: dependencies.clock });
  if (config.accessToken) return createBearerTokenAuth({ accessToken: config.accessToken });
  if (config.clientId && config.clientSecret) {
    const { getToken: _unused, ...rest } = dependencies;
    return createClientCredentialsAuth({ config, ...rest });
  }
  if (config.apiKey) return createApiKeyAuth({ apiKey: config.apiKey });
  return createMissingCredentialsAuth(config);
}
