import type { ScribeConfig } from '../config/scribe-config';
import { silentLogger, type Logger } from '../ports/logger';
import type { Transport } from '../transport/transport';
import type { AuthMode, AuthProvider, UnauthorizedOptions } from './auth-provider';
import { authRequestTimeoutMs } from './auth-request-timeout';
import { createSingleFlight } from './single-flight';

/** Options of {@link createDiscoveredAuth}. */
export interface DiscoveredAuthOptions {
  /** Resolved configuration: `discoveryUrl` is read, `requestTimeout` bounds the read. */
  config: ScribeConfig;
  /** Reads the discovery document: a transport without credentials that follows no redirect. */
  transport: Transport;
  /** The password-login provider, used when the service says so or says nothing usable. */
  password: AuthProvider;
  /** The client-credentials provider, used when the service offers client credentials and no password login. */
  clientCredentials: AuthProvider;
  /** Receives which mode was picked and why. Default: silent. */
  logger?: Logger;
}

/** Which login a discovery document asks for: `password`, `client-credentials`, or undefined when it does not say. */
export function loginModeFromDiscovery(document: unknown): 'password' | 'client-credentials' | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const { authentication, extensions } = document as { authentication?: { supported_methods?: unknown }; extensions?: Record<string, unknown> };
  const methods = Array.isArray(authentication?.supported_methods) ? authentication.supported_methods : [];
  if (methods.includes('password') || isObject(extensions?.password_login)) return 'password';
  if (methods.includes('client_credentials') || isObject(extensions?.client_credentials)) return 'client-credentials';
  return undefined;
}

/**
 * For a configuration holding both a username + password and client credentials (`authMode: 'auto'`): reads the
 * service's discovery document once, before the first login, and uses the login it advertises (a self-hosted
 * EkaScribe's `password_login`, or the hosted `client_credentials`). A document that cannot be read or says neither
 * leaves the precedence order's choice, password login.
 */
export function createDiscoveredAuth(options: DiscoveredAuthOptions): AuthProvider {
  const { config, transport, password, clientCredentials } = options;
  const logger = options.logger ?? silentLogger;
  const flight = createSingleFlight<AuthProvider>();
  let chosen: AuthProvider | undefined;

  async function choose(signal: AbortSignal): Promise<AuthProvider> {
    let said: 'password' | 'client-credentials' | undefined;
    try {
      const url = config.discoveryUrl;
      if (url) {
        const response = await transport.request({ method: 'GET', url, auth: false, msaVersion: false, idempotent: true, timeoutMs: authRequestTimeoutMs(config), signal });
        said = loginModeFromDiscovery(response.data);
      }
    } catch (error) {
      if (signal.aborted) throw error;
      // Discovery is advice here: without it, the precedence order decides.
    }
    chosen = said === 'client-credentials' ? clientCredentials : password;
    logger.debug('auth mode chosen by discovery', { mode: chosen.mode, advertised: said ?? 'nothing' });
    return chosen;
  }

  return {
    get mode(): AuthMode | undefined {
      return chosen?.mode ?? 'password';
    },
    async headers(headerOptions = {}) {
      const provider = chosen ?? (await flight.run((signal) => choose(signal), headerOptions.signal));
      return provider.headers(headerOptions);
    },
    async onUnauthorized(unauthorizedOptions: UnauthorizedOptions = {}) {
      return chosen ? chosen.onUnauthorized(unauthorizedOptions) : false;
    },
    businessId: () => chosen?.businessId(),
    secrets: () => [...password.secrets(), ...clientCredentials.secrets()],
    advice: () => (chosen ?? password).advice?.() ?? '',
  };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
