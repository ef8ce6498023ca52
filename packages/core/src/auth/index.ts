export type { AuthHeadersOptions, AuthMode, AuthProvider, UnauthorizedOptions } from './auth-provider';
export { createApiKeyAuth, type ApiKeyAuthOptions } from './api-key-auth';
export {
  TOKEN_EXPIRY_MARGIN_MS,
  createBearerTokenAuth,
  type BearerTokenAuthOptions,
  type ExpiringToken,
  type GetToken,
  type GetTokenOptions,
} from './bearer-token-auth';
export { businessIdFromClaims, businessIdFromToken, decodeJwtPayload } from './business-id';
export {
  AUTH_REQUEST_TIMEOUT_MS,
  LOGIN_PATH,
  REFRESH_PATH,
  createClientCredentialsAuth,
  type ClientCredentialsAuthOptions,
} from './client-credentials-auth';
export { PASSWORD_ADVICE, PASSWORD_LOGIN_PATH, createPasswordAuth, type PasswordAuthOptions } from './password-auth';
export { authRequestTimeoutMs } from './auth-request-timeout';
export { createDiscoveredAuth, loginModeFromDiscovery, type DiscoveredAuthOptions } from './discovered-auth';
export { postAuthRequest, redirectedError, type AuthRequest } from './post-auth-request';
export { createJwtPayloadAuth, type JwtPayloadAuthOptions } from './jwt-payload-auth';
export { CREDENTIAL_ADVICE, createMissingCredentialsAuth } from './missing-credentials-auth';
export { createNoCredentialsAuth, type NoCredentialsAuthOptions, type RelayHeaders } from './no-credentials-auth';
export { selectAuthProvider, type AuthDependencies } from './select-auth-provider';
export { createSingleFlight, type SingleFlight } from './single-flight';
export { MAX_REFRESH_SKEW_MS, tokenStateFrom, type TokenState } from './token-state';
