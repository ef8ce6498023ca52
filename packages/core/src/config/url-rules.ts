import { ConfigError } from '../errors';

/** Path of the discovery document under an origin (contract 2.2). */
export const WELL_KNOWN_PATH = '/.well-known/medscribealliance';

/** Strips trailing slashes so paths can be appended with a single `/` (contract 0.2). */
export function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** True for hosts that never leave the machine: `localhost` (and `*.localhost`), 127.0.0.0/8 and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Refuses `http://` to a non-loopback host unless `allowInsecure` (contract 2.1): credentials and PHI would cross
 * the network in clear text.
 */
export function assertSecureUrl(url: string, label: string, allowInsecure: boolean): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || allowInsecure || isLoopbackHost(parsed.hostname)) return;
  throw new ConfigError(
    `${label} uses plain http:// to the non-loopback host ${parsed.hostname}. Use https://, or set allow_insecure ` +
      '(allowInsecure) if you really mean to send credentials and audio unencrypted.',
    { details: { url: parsed.origin } },
  );
}

/** A configured discovery URL: a bare origin gets the well-known path, anything else is used as given. */
export function normalizeDiscoveryUrl(url: string): string {
  const parsed = new URL(url);
  const bare = (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '';
  return bare ? `${parsed.origin}${WELL_KNOWN_PATH}` : stripTrailingSlash(url);
}

/** The msa fallback discovery location: the well-known path at the origin of the base URL. */
export function discoveryUrlFromBase(baseUrl: string): string {
  return `${new URL(baseUrl).origin}${WELL_KNOWN_PATH}`;
}
