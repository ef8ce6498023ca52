/** Cache lifetime of a discovery document whose response names none (contract 2.2). */
export const DEFAULT_DISCOVERY_MAX_AGE_SECONDS = 3600;

/**
 * Seconds a discovery response may be reused, from its `Cache-Control` header: `max-age` when present, 0 for
 * `no-store`/`no-cache`, else the 3600 s default.
 */
export function cacheMaxAgeSeconds(cacheControl: string | null | undefined): number {
  if (!cacheControl) return DEFAULT_DISCOVERY_MAX_AGE_SECONDS;
  const directives = cacheControl.toLowerCase().split(',').map((part) => part.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match) return Number(match[1]);
  }
  return DEFAULT_DISCOVERY_MAX_AGE_SECONDS;
}
