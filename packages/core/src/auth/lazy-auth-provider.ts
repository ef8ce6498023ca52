import { ConfigError, ScribeError } from '../errors';
import { DEFAULT_AUTH_ADVICE } from '../transport/error-mapping';
import type { AuthMode, AuthProvider } from './auth-provider';

/** Options of {@link createLazyAuthProvider}. */
export interface LazyAuthProviderOptions {
  /** The mode reported until the implementation is loaded (then the implementation's own). */
  mode: AuthMode;
  /** Imports and builds the implementation; called once, on the first `headers` or `onUnauthorized`. */
  load: () => Promise<AuthProvider>;
  /** Configured credential values to redact until the implementation is loaded. Default none. */
  secrets?: readonly (string | undefined)[];
  /** The business id until the implementation is loaded (read from a configured token). Default undefined. */
  businessId?: () => string | undefined;
}

/**
 * An auth provider whose implementation is imported on its first call: a login mode's code (token handling, login and
 * refresh requests) stays out of a browser bundle that never uses it, and is fetched only by an app that does. A failed
 * import is a ConfigError, and the next call tries again.
 */
export function createLazyAuthProvider(options: LazyAuthProviderOptions): AuthProvider {
  const { mode, load } = options;
  let loaded: AuthProvider | undefined;
  let loading: Promise<AuthProvider> | undefined;
  const provider = (): Promise<AuthProvider> =>
    (loading ??= load().then(
      (implementation) => (loaded = implementation),
      (error: unknown) => {
        loading = undefined;
        if (ScribeError.is(error)) throw error;
        throw new ConfigError(`The code of the ${mode} auth mode could not be loaded (${error instanceof Error ? error.message : String(error)}); reload the page or check that the app's bundle is deployed whole.`, { cause: error });
      },
    ));
  return {
    // A provider that picks its mode later (discovery) reports the one it picked.
    get mode(): AuthMode | undefined {
      return loaded?.mode ?? mode;
    },
    headers: async (headerOptions) => (await provider()).headers(headerOptions),
    onUnauthorized: async (unauthorizedOptions) => (await provider()).onUnauthorized(unauthorizedOptions),
    secrets: () => loaded?.secrets() ?? (options.secrets ?? []).filter((value): value is string => Boolean(value)),
    advice: () => loaded?.advice?.() ?? DEFAULT_AUTH_ADVICE,
    businessId: () => (loaded ? loaded.businessId() : options.businessId?.()),
  };
}
