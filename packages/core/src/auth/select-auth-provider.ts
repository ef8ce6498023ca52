import type { ScribeConfig } from '../config/scribe-config';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { createHttpTransport } from '../transport/http-transport';
import type { Transport } from '../transport/transport';
import { createApiKeyAuth } from './api-key-auth';
import type { AuthProvider } from './auth-provider';
import { createBearerTokenAuth, type GetToken } from './bearer-token-auth';
import { createClientCredentialsAuth } from './client-credentials-auth';
import { createDiscoveredAuth } from './discovered-auth';
import { createJwtPayloadAuth } from './jwt-payload-auth';
import { createMissingCredentialsAuth } from './missing-credentials-auth';
import { createPasswordAuth } from './password-auth';

/** What {@link selectAuthProvider} needs besides the configuration. */
export interface AuthDependencies {
  /** A bearer token callback (OIDC and the like); selects bearer mode. Default none. */
  getToken?: GetToken;
  /** Sends login and refresh calls in client-credentials and password mode. Default: an HTTP transport built from the config. */
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
 * Picks the auth mode. `authMode: 'password'` or `'client-credentials'` insists on that login (missing credentials are
 * then reported at the first call). `auto` (the default) follows contract 1.1, first match wins: `jwtPayload` → dev
 * direct; `getToken` or `accessToken` → bearer; `username` + `password` → password login (self-hosted EkaScribe),
 * or, when client credentials are configured too, whichever login the service's discovery document advertises;
 * `clientId` + `clientSecret` → client credentials (with `apiKey` in the login body); `apiKey` → API key; nothing →
 * a provider that reports "missing credentials" at the first authenticated call.
 */
export function selectAuthProvider(config: ScribeConfig, dependencies: AuthDependencies = {}): AuthProvider {
  const { getToken, ...loginDependencies } = dependencies;
  const mode = config.authMode ?? 'auto';
  const hasPassword = Boolean(config.username && config.password);
  const hasClientCredentials = Boolean(config.clientId && config.clientSecret);
  if (mode === 'password') return hasPassword ? createPasswordAuth({ config, ...loginDependencies }) : createMissingCredentialsAuth(config, 'password');
  if (mode === 'client-credentials') {
    return hasClientCredentials ? createClientCredentialsAuth({ config, ...loginDependencies }) : createMissingCredentialsAuth(config, 'client-credentials');
  }
  if (config.jwtPayload) return createJwtPayloadAuth({ jwtPayload: config.jwtPayload });
  if (getToken) return createBearerTokenAuth({ getToken, clock: dependencies.clock });
  if (config.accessToken) return createBearerTokenAuth({ accessToken: config.accessToken });
  if (hasPassword && hasClientCredentials) {
    // Both logins configured: the service's discovery document says which one it has.
    const transport = loginDependencies.transport ?? createHttpTransport({ config, clock: dependencies.clock, logger: dependencies.logger, fetch: dependencies.fetch, random: dependencies.random, followRedirects: false });
    const shared = { config, ...loginDependencies, transport };
    return createDiscoveredAuth({ config, transport, password: createPasswordAuth(shared), clientCredentials: createClientCredentialsAuth(shared), logger: dependencies.logger });
  }
  if (hasPassword) return createPasswordAuth({ config, ...loginDependencies });
  if (hasClientCredentials) return createClientCredentialsAuth({ config, ...loginDependencies });
  if (config.apiKey) return createApiKeyAuth({ apiKey: config.apiKey });
  return createMissingCredentialsAuth(config);
}
