import type { JwtPayload } from '../config/scribe-config';
import type { AuthProvider } from './auth-provider';
import { businessIdFromClaims } from './business-id';

/** Options of {@link createJwtPayloadAuth}. */
export interface JwtPayloadAuthOptions {
  /** The claims to send, which must include `b-id`. */
  jwtPayload: JwtPayload;
}

/**
 * Dev direct mode (contract 1.5): the claims go as compact JSON in the `jwt-payload` header, with no login. Meant for
 * a backend without the gateway; a 401 is final.
 */
export function createJwtPayloadAuth(options: JwtPayloadAuthOptions): AuthProvider {
  const header = JSON.stringify(options.jwtPayload);
  return {
    mode: 'jwt-payload',
    headers: async () => ({ 'jwt-payload': header }),
    onUnauthorized: async () => false,
    businessId: () => businessIdFromClaims(options.jwtPayload),
    secrets: () => [header],
    advice: () =>
      'The service refused the jwt-payload header: it must carry `b-id`, and only development servers that trust jwt-payload accept it. Use client credentials or an API key for other services.',
  };
}
