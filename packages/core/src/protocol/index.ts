/** Wire shapes of the MedScribeAlliance protocol and EkaScribe, parsed leniently at the boundary. */
export { isWireObject, type WireObject } from './parse-wire';
export {
  KNOWN_SESSION_STATUSES,
  isKnownStatus,
  isTerminalStatus,
  normalizeStatus,
  type KnownSessionStatus,
  type SessionStatus,
  type TerminalSessionStatus,
} from './session-status';
export { parseTimestamp, type WireTimestamp } from './wire-timestamp';
export { normalizeProcessingErrors, normalizeWireError, type ProcessingError, type WireError } from './wire-error';
export {
  normalizeTemplateEntry,
  normalizeTemplates,
  toTemplateList,
  type TemplateEntry,
  type TemplateEntryPair,
  type TemplateEntryStatus,
} from './template-entry';
export { SessionResult, parsePatchSessionResponse, parseSessionResult, type ParseSessionResultOptions } from './session-result';
export {
  DEFAULT_UPLOAD_METHODS,
  DISCOVERY_PROTOCOL,
  parseDiscoveryDocument,
  type DiscoveryDocument,
  type DiscoveryModel,
  type DiscoveryOidc,
} from './discovery-document';
export { SDK_PROTOCOL_VERSIONS, negotiateProtocolVersion, sameProtocolVersion } from './protocol-version';
export { parseTemplatesList, type TemplateInfo } from './templates-list';
export { DEFAULT_TOKEN_LIFETIME_SECONDS, parseTokenResponse, type TokenResponse } from './token-response';
export { parseCreateSessionResponse, type CreatedSession } from './created-session';
export { parseEndSessionResponse, type EndSessionResponse } from './end-session-response';
export { parseProcessTemplateResponse, type ProcessTemplateResponse } from './process-template-response';
export { parseUploadAck, type UploadAck } from './upload-ack';
export { ERROR_TEXT_LIMIT, parseErrorEnvelope, type ErrorEnvelope } from './error-envelope';
export { LEGACY_WEBHOOK_EVENTS, parseWebhookPayload, type WebhookEvent, type WebhookEventName } from './webhook-payload';
export { parseWebhookList, parseWebhookRegistration, type WebhookRegistration } from './webhook-registration';
export { parseStreamMessage, type StreamServerMessage } from './stream-message';
