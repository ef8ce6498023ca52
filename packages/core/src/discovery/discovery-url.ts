import type { ScribeConfig } from '../config/scribe-config';
import { ConfigError } from '../errors';

const WELL_KNOWN = '/.well-known/medscribealliance';

/**
 * Where the discovery document lives, per contract 0.2: `eka` → `{base}/v1/.well-known/medscribealliance`; `msa` →
 * `discovery_url` (a bare origin gets the well-known path), else the origin of `base_url`; neither → ConfigError.
 */
export function discoveryUrlFor(config: Pick<ScribeConfig, 'dialect' | 'baseUrl' | 'discoveryUrl'>): string {
  if (config.dialect === 'eka') {
    if (!config.baseUrl) throw new ConfigError('No base_url is configured for the eka dialect.');
    return `${config.baseUrl.replace(/\/+$/, '')}/v1${WELL_KNOWN}`;
  }
  if (config.discoveryUrl) {
    const url = new URL(config.discoveryUrl);
    return url.pathname === '/' || url.pathname === '' ? `${url.origin}${WELL_KNOWN}` : config.discoveryUrl;
  }
  if (config.baseUrl) return `${new URL(config.baseUrl).origin}${WELL_KNOWN}`;
  throw new ConfigError('The msa dialect needs discovery_url (SCRIBE_DISCOVERY_URL) or base_url (SCRIBE_BASE_URL) to find the service.');
}
