export {
  AUTO_DETECT,
  buildCreateSessionBody,
  languageHint,
  resolveTemplates,
  type CommunicationProtocol,
  type CreateBodyConfig,
  type CreateSessionOptions,
  type UploadType,
} from './create-session-body';
export { buildEndpoints, encodePathSegment, type EndpointInput, type SessionEndpoints } from './endpoints';
export { buildPatchSessionBody, type PatchSessionFields } from './patch-session-body';
export { createServiceContext, type ResolvedService, type ServiceContext } from './service-context';
export { createSessionRegistry, DEFAULT_REGISTRY_CAPACITY, type SessionRecord, type SessionRegistry } from './session-registry';
export {
  createSessionsApi,
  type CallOptions,
  type EndSessionOptions,
  type GetSessionOptions,
  type ProcessTemplateOptions,
  type SessionCalls,
  type SessionsApi,
  type SessionsApiOptions,
  type TemplatesApi,
} from './sessions-api';
