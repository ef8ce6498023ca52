import type { DiscoveryDocument } from '../protocol';
import type { ServiceDescription } from './service-description';

/** The parts of a parsed discovery document the SDK uses, with the negotiated `MSA-Version` (`msa`). */
export function describeDocument(document: DiscoveryDocument, version: string | undefined): ServiceDescription {
  return {
    source: 'discovery',
    document,
    version,
    baseUrl: document.endpoints.baseUrl,
    templatesUrl: document.endpoints.templatesUrl,
    webhooksUrl: document.endpoints.webhooksUrl,
    models: document.models.map((model) => model.id),
    languages: document.languages.supported,
    audioFormats: document.capabilities.audioFormats,
    maxChunkDurationSeconds: document.capabilities.maxChunkDurationSeconds,
    uploadMethods: document.capabilities.uploadMethods,
  };
}
