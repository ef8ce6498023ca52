export type { AuthHeadersOptions, AuthMode, AuthProvider, UnauthorizedOptions } from './auth-provider';
export { createApiKeyAuth, type ApiKeyAuthOptions } from './api-key-auth';
export type { BearerTokenAuthOptions, ExpiringToken, GetToken, GetTokenOptions } from './bearer-token-auth';
export { businessIdFromClaims, businessIdFromToken, decodeJwtPayload } from './business-id';
// The login modes' factories are not re-exported as values: selectAuthProvider imports them on first use, and a value
// re-export here would pull them into every bundle of the internal entry (tests import them from their files).
export type { ClientCredentialsAuthOptions } from './client-credentials-auth';
export type { LoginAuthOptions } from './login-auth-options';
export type { PasswordAuthOptions } from './password-auth';
export type { DiscoveredAuthOptions } from './discovered-auth';
export { AUTH_REQUEST_TIMEOUT_MS, authRequestTimeoutMs } from './auth-request-timeout';
export { createLazyAuthProvider, type LazyAuthProviderOptions } from './lazy-auth-provider';
export { postAuthRequest, redirectedError, type AuthRequest } from './post-auth-request';
export { createJwtPayloadAuth, type JwtPayloadAuthOptions } from './jwt-payload-auth';
export { createNoCredentialsAuth, type NoCredentialsAuthOptions, type RelayHeaders } from './no-credentials-auth';
export { selectAuthProvider, type AuthDependencies } from './select-auth-provider';
export { createSingleFlight, type SingleFlight } from './single-flight';
export { MAX_REFRESH_SKEW_MS, tokenStateFrom, type TokenState } from './token-state';
