import { APIError } from '../errors';
import { isWireObject, optionalNumber, optionalObject, optionalString, parseWire, stringList, type WireObject } from './parse-wire';
import { anyString, arrayOf, looseObject, nonEmptyString, positiveNumber, wireVersion } from './wire-check';

/** The protocol identifier a discovery document must carry. */
export const DISCOVERY_PROTOCOL = 'medscribealliance';

/** Upload methods assumed when a document lists none (contract 2.2). */
export const DEFAULT_UPLOAD_METHODS: readonly string[] = /* @__PURE__ */ Object.freeze(['chunked', 'single']);

/** One model offered by the service. */
export interface DiscoveryModel {
  /** Id to send as `model`. */
  id: string;
  /** Human-readable name. */
  displayName: string | undefined;
  /** ISO 639-1 codes the model accepts; undefined when the document does not say. */
  languages: string[] | undefined;
  /** Longest session the model allows, in seconds. */
  maxSessionDurationSeconds: number | undefined;
  /** `fast`, `standard`, `thorough` or another string. */
  responseSpeed: string | undefined;
  /** Feature flags as sent (`realtime_transcription`, ...). */
  features: Record<string, unknown>;
}

/** OIDC settings, merged from `authentication.oidc` first, then `endpoints` (contract 10.13). */
export interface DiscoveryOidc {
  /** Issuer URL. */
  issuer: string | undefined;
  /** Authorization endpoint. */
  authorizationEndpoint: string | undefined;
  /** Token endpoint. */
  tokenEndpoint: string | undefined;
  /** Supported scopes (`[]` when absent). */
  scopesSupported: string[];
}

/** The `/.well-known/medscribealliance` document, normalised (contract 2.2). */
export interface DiscoveryDocument {
  /** Always `medscribealliance` (anything else is rejected). */
  protocol: string;
  /** The service's current protocol version, e.g. `0.1`. */
  protocolVersion: string;
  /** Every version the service speaks. */
  supportedVersions: string[];
  /** Service name and contacts, as sent. */
  service: { name: string | undefined; [key: string]: unknown };
  /** API locations. `baseUrl` keeps its path prefix (usually `/v1`). */
  endpoints: { baseUrl: string; templatesUrl: string | undefined; webhooksUrl: string | undefined };
  /** Auth methods (`api_key`, `oidc`, ...) and OIDC settings when any are advertised. */
  authentication: { supportedMethods: string[]; oidc: DiscoveryOidc | undefined };
  /** What the service accepts; missing booleans are false, missing `upload_methods` is `["chunked","single"]`. */
  capabilities: {
    audioFormats: string[];
    maxChunkDurationSeconds: number;
    uploadMethods: string[];
    webhookDelivery: boolean;
    clientSdkDelivery: boolean;
  };
  /** Models offered. */
  models: DiscoveryModel[];
  /** Supported languages and whether auto-detection exists (`[]`/false when absent). */
  languages: { supported: string[]; autoDetection: boolean };
  /** Addresses webhooks come from: top level, else `capabilities` (contract 10.40). */
  webhookSourceIps: string[] | undefined;
  /** The `extensions` object as sent (EkaScribe: `client_credentials`, `stream`, `session_patch`...). */
  extensions: WireObject;
  /** The whole document as received. */
  raw: WireObject;
}

// Only the minimal list of contract 2.2 is required; everything else is read leniently.
// Versions are strings on the wire, but a YAML-born document may carry 0.1 as a number (wireVersion takes both).
const discoverySchema = /* @__PURE__ */ looseObject({
  protocol: anyString,
  protocol_version: wireVersion,
  supported_versions: arrayOf(wireVersion),
  endpoints: looseObject({ base_url: nonEmptyString }),
  authentication: looseObject({ supported_methods: arrayOf(anyString) }),
  capabilities: looseObject({ audio_formats: arrayOf(anyString), max_chunk_duration_seconds: positiveNumber }),
  models: arrayOf(looseObject({ id: nonEmptyString })),
});

/**
 * Parses a discovery document; throws APIError when a required field (2.2) is missing or when `protocol` is not
 * `medscribealliance`; unknown fields and missing optional ones are accepted.
 */
export function parseDiscoveryDocument(raw: unknown): DiscoveryDocument {
  const discoveryDocument = parseWire(discoverySchema, raw, 'discovery document');
  if (discoveryDocument.protocol !== DISCOVERY_PROTOCOL) {
    throw new APIError(`Discovery document declares protocol "${discoveryDocument.protocol}", expected "${DISCOVERY_PROTOCOL}".`, {
      details: { protocol: discoveryDocument.protocol },
    });
  }
  const capabilities = discoveryDocument.capabilities as WireObject & typeof discoveryDocument.capabilities;
  const languages = optionalObject(discoveryDocument.languages) ?? {};
  const uploadMethods = Array.isArray(capabilities.upload_methods) ? stringList(capabilities.upload_methods) : [...DEFAULT_UPLOAD_METHODS];
  return {
    protocol: discoveryDocument.protocol,
    protocolVersion: discoveryDocument.protocol_version,
    supportedVersions: discoveryDocument.supported_versions,
    service: { ...optionalObject(discoveryDocument.service), name: optionalString(optionalObject(discoveryDocument.service)?.name) },
    endpoints: {
      baseUrl: discoveryDocument.endpoints.base_url,
      templatesUrl: optionalString(discoveryDocument.endpoints.templates_url),
      webhooksUrl: optionalString(discoveryDocument.endpoints.webhooks_url),
    },
    authentication: { supportedMethods: discoveryDocument.authentication.supported_methods, oidc: readOidc(discoveryDocument.authentication, discoveryDocument.endpoints) },
    capabilities: {
      audioFormats: discoveryDocument.capabilities.audio_formats,
      maxChunkDurationSeconds: discoveryDocument.capabilities.max_chunk_duration_seconds,
      uploadMethods,
      webhookDelivery: capabilities.webhook_delivery === true,
      clientSdkDelivery: capabilities.client_sdk_delivery === true,
    },
    models: discoveryDocument.models.map(readModel),
    languages: { supported: stringList(languages.supported), autoDetection: languages.auto_detection === true },
    webhookSourceIps: readSourceIps(discoveryDocument, capabilities),
    extensions: optionalObject(discoveryDocument.extensions) ?? {},
    raw: isWireObject(raw) ? raw : (discoveryDocument as WireObject),
  };
}

function readModel(model: WireObject & { id: string }): DiscoveryModel {
  return {
    id: model.id,
    displayName: optionalString(model.display_name),
    languages: Array.isArray(model.languages) ? stringList(model.languages) : undefined,
    maxSessionDurationSeconds: optionalNumber(model.max_session_duration_seconds),
    responseSpeed: optionalString(model.response_speed),
    features: optionalObject(model.features) ?? {},
  };
}

function readOidc(authentication: WireObject & { supported_methods: string[] }, endpoints: WireObject): DiscoveryOidc | undefined {
  const oidc = optionalObject(authentication.oidc);
  const result: DiscoveryOidc = {
    issuer: optionalString(oidc?.issuer),
    authorizationEndpoint: optionalString(oidc?.authorization_endpoint) ?? optionalString(endpoints.authorization_endpoint),
    tokenEndpoint: optionalString(oidc?.token_endpoint) ?? optionalString(endpoints.token_endpoint),
    scopesSupported: stringList(oidc?.scopes_supported),
  };
  const advertised = authentication.supported_methods.includes('oidc') || oidc !== undefined;
  return advertised || result.tokenEndpoint !== undefined || result.authorizationEndpoint !== undefined ? result : undefined;
}

function readSourceIps(discoveryDocument: WireObject, capabilities: WireObject): string[] | undefined {
  const value = discoveryDocument.webhook_source_ips ?? capabilities.webhook_source_ips;
  return Array.isArray(value) ? stringList(value) : undefined;
}
