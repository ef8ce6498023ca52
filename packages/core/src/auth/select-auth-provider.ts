import type { ScribeConfig } from '../config/scribe-config';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { createHttpTransport } from '../transport/http-transport';
import type { Transport } from '../transport/transport';
import { createApiKeyAuth } from './api-key-auth';
import type { AuthProvider } from './auth-provider';
import type { BearerTokenAuthOptions, GetToken } from './bearer-token-auth';
import { businessIdFromToken } from './business-id';
import { createJwtPayloadAuth } from './jwt-payload-auth';
import { createLazyAuthProvider } from './lazy-auth-provider';

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
  // The login modes are imported on first use (createLazyAuthProvider): a browser app on a relay or getToken never
  // downloads them. Their constructors only check what is checked above, so nothing is deferred but the code.
  const secrets = [config.password, config.clientSecret, config.clientId, config.apiKey, config.accessToken];
  const passwordAuth = () => createLazyAuthProvider({ mode: 'password', secrets, load: async () => (await import('./password-auth')).createPasswordAuth({ config, ...loginDependencies }) });
  const clientCredentialsAuth = () =>
    createLazyAuthProvider({ mode: 'client-credentials', secrets, load: async () => (await import('./client-credentials-auth')).createClientCredentialsAuth({ config, ...loginDependencies }) });
  const bearerAuth = (options: BearerTokenAuthOptions) =>
    createLazyAuthProvider({ mode: 'bearer', secrets, businessId: () => businessIdFromToken(config.accessToken), load: async () => (await import('./bearer-token-auth')).createBearerTokenAuth(options) });
  // Its advice texts load only when a call finds no credentials.
  const missingCredentialsAuth = (requiredMode?: 'password' | 'client-credentials') =>
    createLazyAuthProvider({ mode: 'none', secrets, load: async () => (await import('./missing-credentials-auth')).createMissingCredentialsAuth(config, requiredMode) });
  if (mode === 'password') return hasPassword ? passwordAuth() : missingCredentialsAuth('password');
  if (mode === 'client-credentials') return hasClientCredentials ? clientCredentialsAuth() : missingCredentialsAuth('client-credentials');
  const { jwtPayload } = config;
  if (jwtPayload) return createJwtPayloadAuth({ jwtPayload });
  if (getToken) return bearerAuth({ getToken, clock: dependencies.clock });
  if (config.accessToken) return bearerAuth({ accessToken: config.accessToken });
  if (hasPassword && hasClientCredentials) {
    // Both logins configured: the service's discovery document says which one it has.
    const transport = loginDependencies.transport ?? createHttpTransport({ config, clock: dependencies.clock, logger: dependencies.logger, fetch: dependencies.fetch, random: dependencies.random, followRedirects: false });
    const shared = { config, ...loginDependencies, transport };
    return createLazyAuthProvider({
      mode: 'password',
      secrets,
      load: async () => {
        const [{ createDiscoveredAuth }, { createPasswordAuth }, { createClientCredentialsAuth }] = await Promise.all([import('./discovered-auth'), import('./password-auth'), import('./client-credentials-auth')]);
        return createDiscoveredAuth({ config, transport, password: createPasswordAuth(shared), clientCredentials: createClientCredentialsAuth(shared), logger: dependencies.logger });
      },
    });
  }
  if (hasPassword) return passwordAuth();
  if (hasClientCredentials) return clientCredentialsAuth();
  if (config.apiKey) return createApiKeyAuth({ apiKey: config.apiKey });
  return missingCredentialsAuth();
}
