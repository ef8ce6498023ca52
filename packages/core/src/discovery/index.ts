export { cacheMaxAgeSeconds, DEFAULT_DISCOVERY_MAX_AGE_SECONDS } from './cache-max-age';
export { createDiscoveryClient, type DiscoveryClient, type DiscoveryClientOptions } from './discovery-client';
export { discoveryUrlFor } from './discovery-url';
export { EKA_LANGUAGES, ekaDefaultDescription, PROTOCOL_MAX_CHUNK_SECONDS, type ServiceDescription } from './service-description';
