import type { AuthProvider } from './auth-provider';

/** Options of {@link createApiKeyAuth}. */
export interface ApiKeyAuthOptions {
  /** The API key (secret); sent only as the `X-API-Key` header, never in a URL. */
  apiKey: string;
}

/** API-key mode (contract 1.1 row 4): `X-API-Key` on every protocol call; a 401 is final. */
export function createApiKeyAuth(options: ApiKeyAuthOptions): AuthProvider {
  const { apiKey } = options;
  return {
    mode: 'api-key',
    headers: async () => ({ 'X-API-Key': apiKey }),
    // A key cannot be renewed: retrying would only repeat the same rejection.
    onUnauthorized: async () => false,
    businessId: () => undefined,
    secrets: () => [apiKey],
    advice: () => 'The API key was rejected: check SCRIBE_API_KEY (or the `apiKey` option) and that the key was issued by this service.',
  };
}
