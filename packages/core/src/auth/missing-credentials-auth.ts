import type { ScribeConfig } from '../config/scribe-config';
import { ConfigError } from '../errors';
import type { AuthProvider } from './auth-provider';

/** The credentials a user can set, listed in the "missing credentials" advice. */
export const CREDENTIAL_ADVICE =
  'Set SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET (EkaScribe client credentials), or SCRIBE_USERNAME and SCRIBE_PASSWORD (a self-hosted EkaScribe), or SCRIBE_API_KEY, or SCRIBE_ACCESS_TOKEN, or SCRIBE_JWT_PAYLOAD (development servers only); or pass clientId and clientSecret, username and password, apiKey, accessToken, getToken or jwtPayload as options.';

/**
 * The provider used when no credentials are configured (contract 1.1 row 5), or when `authMode` insists on a login
 * whose credentials are incomplete: constructing it is fine, and the ConfigError "missing credentials" comes at the
 * first authenticated call.
 */
export function createMissingCredentialsAuth(
  config?: Pick<ScribeConfig, 'clientId' | 'clientSecret' | 'username' | 'password'>,
  requiredMode?: 'password' | 'client-credentials',
): AuthProvider {
  const partial = [
    pair(config?.clientId, config?.clientSecret, 'SCRIBE_CLIENT_ID', 'SCRIBE_CLIENT_SECRET'),
    pair(config?.username, config?.password, 'SCRIBE_USERNAME', 'SCRIBE_PASSWORD'),
  ].join('');
  const required =
    requiredMode === 'password'
      ? ' auth_mode is `password`: set SCRIBE_USERNAME (or `username`) and SCRIBE_PASSWORD (environment or the `password` option; never a config file).'
      : requiredMode === 'client-credentials'
        ? ' auth_mode is `client-credentials`: set SCRIBE_CLIENT_ID and SCRIBE_CLIENT_SECRET.'
        : '';
  const advice = required ? required.trim() : CREDENTIAL_ADVICE;
  return {
    mode: 'none',
    headers: async () => {
      throw new ConfigError(`missing credentials: this call needs authentication and none is configured.${partial}${required || ` ${CREDENTIAL_ADVICE}`}`);
    },
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [config?.clientId, config?.clientSecret, config?.password].filter((value): value is string => Boolean(value)),
    advice: () => advice,
  };
}

// Names the half of a credential pair that is set when the other is not.
function pair(first: string | undefined, second: string | undefined, firstName: string, secondName: string): string {
  if (first && !second) return ` ${firstName} is set but ${secondName} is not.`;
  if (second && !first) return ` ${secondName} is set but ${firstName} is not.`;
  return '';
}
