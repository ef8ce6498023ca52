export type { HttpMethod, ObservedResponse, Transport, TransportRequest, TransportResponse } from './transport';
export { createHttpTransport, type HttpTransportOptions, type TransportWarning } from './http-transport';
export { DEFAULT_AUTH_ADVICE, mapErrorResponse, type FailedResponse } from './error-mapping';
export { ERROR_BODY_EXCERPT_LENGTH, TOKEN_REJECTION_CODES, isTokenRejection, parseErrorBody, type ErrorBody } from './error-body';
export { DEFAULT_USER_AGENT, SDK_VERSION } from './user-agent';
export { redirectHost } from './redirect-host';
export { BodyTooLarge, readCappedBytes } from './read-capped-bytes';
