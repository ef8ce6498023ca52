import type { ScribeConfig } from '../config/scribe-config';
import { ConfigError } from '../errors';
import type { AuthProvider } from './auth-provider';

/** The credentials a user can set, listed in the "missing credentials" advice. */
export const CREDENTIAL_ADVICE =
  'Set SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET (EkaScribe client credentials), or SCRIBE_API_KEY, or SCRIBE_ACCESS_TOKEN, or SCRIBE_JWT_PAYLOAD (development servers only); or pass clientId and clientSecret, apiKey, accessToken, getToken or jwtPayload as options.';

/**
 * The provider used when no credentials are configured (contract 1.1 row 5): constructing it is fine, and the
 * ConfigError "missing credentials" comes at the first authenticated call.
 */
export function createMissingCredentialsAuth(config?: Pick<ScribeConfig, 'clientId' | 'clientSecret'>): AuthProvider {
  const partial = config?.clientId && !config.clientSecret
    ? ' SCRIBE_CLIENT_ID is set but SCRIBE_CLIENT_SECRET is not.'
    : config?.clientSecret && !config.clientId
      ? ' SCRIBE_CLIENT_SECRET is set but SCRIBE_CLIENT_ID is not.'
      : '';
  return {
    mode: 'none',
    headers: async () => {
      throw new ConfigError(`missing credentials: this call needs authentication and none is configured.${partial} ${CREDENTIAL_ADVICE}`);
    },
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [config?.clientId, config?.clientSecret].filter((value): value is string => Boolean(value)),
    advice: () => CREDENTIAL_ADVICE,
  };
}
