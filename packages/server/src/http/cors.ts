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

/** Headers every response carries so browsers may call the server from any origin (contract 0.3). */
export function corsHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSE_HEADERS };
}

/** Headers of the 204 answer to a preflight `OPTIONS` request. */
export function preflightHeaders(): Record<string, string> {
  return {
    ...corsHeaders(),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
