import type { DiscoveryDocument } from '../protocol';
import type { ServiceDescription } from './service-description';

/** The parts of a parsed discovery document the SDK uses, with the negotiated `MSA-Version` (`msa`). */
export function describeDocument(discoveryDocument: DiscoveryDocument, version: string | undefined): ServiceDescription {
  return {
    source: 'discovery',
    discoveryDocument,
    version,
    baseUrl: discoveryDocument.endpoints.baseUrl,
    templatesUrl: discoveryDocument.endpoints.templatesUrl,
    webhooksUrl: discoveryDocument.endpoints.webhooksUrl,
    models: discoveryDocument.models.map((model) => model.id),
    languages: discoveryDocument.languages.supported,
    audioFormats: discoveryDocument.capabilities.audioFormats,
    maxChunkDurationSeconds: discoveryDocument.capabilities.maxChunkDurationSeconds,
    uploadMethods: discoveryDocument.capabilities.uploadMethods,
  };
}
