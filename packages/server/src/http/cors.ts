const ALLOW_HEADERS = [
  'Authorization',
  'X-API-Key',
  'Content-Type',
  'Content-Disposition',
  'X-Chunk-Index',
  'MSA-Version',
  'jwt-payload',
  'X-Request-Id',
].join(', ');

const EXPOSE_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-MSA-Deprecated',
  'X-MSA-Sunset-Date',
].join(', ');

/**
 * Which browser origins may call the server (contract 0.3). Without a list every origin may (`*`, the contract's
 * default); with one, only the listed origins get CORS headers and only they may open stream sockets.
 */
export interface CorsPolicy {
  /** `any` (no list: `Access-Control-Allow-Origin: *`) or `listed` (`--cors-origin`). */
  readonly mode: 'any' | 'listed';
  /** CORS headers for a response to a request carrying this `Origin` header (possibly none). */
  headers(origin: string | undefined): Record<string, string>;
  /** Headers of the 204 answer to a preflight from this origin: no allow headers for an origin not listed. */
  preflight(origin: string | undefined): Record<string, string>;
  /**
   * Whether a WebSocket upgrade carrying this `Origin` may proceed. Requests without the header (non-browser
   * clients, which can send any header they like anyway) always may; browsers always send it.
   */
  allowsUpgrade(origin: string | undefined): boolean;
  /** One line for the start-up log saying which mode is on. */
  describe(): string;
}

/**
 * Builds the policy from the configured origins (`--cors-origin`, option `corsOrigins`). Each entry must be an origin
 * (`https://app.example.com`, `http://localhost:5173`): scheme, host and port, no path; compared after normalisation.
 */
export function createCorsPolicy(origins: readonly string[] | undefined): CorsPolicy {
  if (origins === undefined || origins.length === 0) {
    return {
      mode: 'any',
      headers: () => ({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSE_HEADERS }),
      preflight: () => ({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSE_HEADERS, ...PREFLIGHT }),
      allowsUpgrade: () => true,
      describe: () => 'CORS: any origin (Access-Control-Allow-Origin: *; set --cors-origin to restrict)',
    };
  }
  const allowed = new Set(origins.map(normaliseOrigin));
  const listed = (origin: string | undefined): origin is string => origin !== undefined && allowed.has(origin.toLowerCase());
  // Vary on every answer, listed origin or not: a cache must never serve one origin's answer to another.
  const vary: Record<string, string> = { Vary: 'Origin' };
  return {
    mode: 'listed',
    headers: (origin): Record<string, string> =>
      listed(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS, Vary: 'Origin' } : vary,
    preflight: (origin): Record<string, string> =>
      listed(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS, Vary: 'Origin', ...PREFLIGHT } : vary,
    allowsUpgrade: (origin) => origin === undefined || listed(origin),
    describe: () => `CORS: only ${[...allowed].join(', ')} (HTTP and WebSocket origins)`,
  };
}

const PREFLIGHT: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': ALLOW_HEADERS,
  'Access-Control-Max-Age': '600',
};

/** An origin in the form browsers send it (`scheme://host[:port]`, lower case, default port dropped); TypeError otherwise. */
export function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`--cors-origin must be an origin such as https://app.example.com, got ${JSON.stringify(value)}`);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!bare || (url.protocol !== 'http:' && url.protocol !== 'https:') || !/^https?:\/\/[^/]+\/?$/i.test(value)) {
    throw new TypeError(`--cors-origin must be an origin (scheme, host and port, no path), got ${JSON.stringify(value)}`);
  }
  return url.origin.toLowerCase();
}
