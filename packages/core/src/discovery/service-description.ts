import type { DiscoveryDocument } from '../protocol';

/** The ten language codes of the EkaScribe service (contract 9.3). */
export const EKA_LANGUAGES: readonly string[] = ['en', 'hi', 'gu', 'kn', 'ml', 'ta', 'te', 'bn', 'mr', 'pa'];

/** The protocol's chunk-length ceiling in seconds (contract 5.4). */
export const PROTOCOL_MAX_CHUNK_SECONDS = 20;

/** What the SDK needs to know about a service, from its discovery document or from built-in defaults. */
export interface ServiceDescription {
  /** `discovery` when a document was read, `defaults` when the built-in `eka` values stand in. */
  source: 'discovery' | 'defaults';
  /** The parsed discovery document, when there is one (unknown fields kept in `discoveryDocument.raw`). */
  discoveryDocument: DiscoveryDocument | undefined;
  /** The `MSA-Version` value to send (`msa`); undefined in `eka`. */
  version: string | undefined;
  /** Discovery `endpoints.base_url`. */
  baseUrl: string | undefined;
  /** Discovery `endpoints.templates_url`. */
  templatesUrl: string | undefined;
  /** Discovery `endpoints.webhooks_url`. */
  webhooksUrl: string | undefined;
  /** Model ids (`models[].id`). */
  models: readonly string[];
  /** Languages the service accepts in `language_hint`. */
  languages: readonly string[];
  /** Accepted chunk media types, spelled as advertised. */
  audioFormats: readonly string[];
  /** Longest chunk the service accepts, in seconds. */
  maxChunkDurationSeconds: number;
  /** Upload methods (`chunked`, `single`, `stream`). Default `["chunked", "single"]`. */
  uploadMethods: readonly string[];
}

/** The built-in description used in `eka` when discovery is missing or failing (contract 2.2). */
export function ekaDefaultDescription(): ServiceDescription {
  return {
    source: 'defaults',
    discoveryDocument: undefined,
    version: undefined,
    baseUrl: undefined,
    templatesUrl: undefined,
    webhooksUrl: undefined,
    models: ['lite', 'pro'],
    languages: EKA_LANGUAGES,
    audioFormats: ['audio/wav', 'audio/mp3', 'audio/mp4', 'audio/webm;codecs=opus', 'audio/ogg;codecs=opus'],
    maxChunkDurationSeconds: PROTOCOL_MAX_CHUNK_SECONDS,
    uploadMethods: ['chunked', 'single', 'stream'],
  };
}
