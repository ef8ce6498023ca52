/** Headers on every relay answer: JSON, never stored by a shared cache (answers depend on the user). */
const BASE_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** A JSON answer. `headers` come last and may override the defaults (discovery's `Cache-Control`). */
export function relayJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** An answer in the contract's error envelope `{"error":{"code","message","details?"}}` (contract 8.1). */
export function relayError(status: number, code: string, message: string, options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {}): Response {
  const error = options.details === undefined ? { code, message } : { code, message, details: options.details };
  return relayJson(status, { error }, options.headers);
}
