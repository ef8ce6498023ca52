import { PROTOCOL_MAX_CHUNK_SECONDS } from '../discovery/service-description';

/** The production backend's hard ceiling; `maxChunkSeconds` may raise the limit up to here, never beyond. */
export const PRODUCTION_MAX_CHUNK_SECONDS = 24;

/**
 * The longest chunk the client will upload (contract 5.4): the configured `maxChunkSeconds` (capped at 24) when set,
 * else `min(advertised, 20)`, 20 without discovery.
 */
export function effectiveMaxChunkSeconds(configured: number | undefined, advertised: number | undefined): number {
  if (configured !== undefined) return Math.min(configured, PRODUCTION_MAX_CHUNK_SECONDS);
  return Math.min(advertised ?? PROTOCOL_MAX_CHUNK_SECONDS, PROTOCOL_MAX_CHUNK_SECONDS);
}
