/**
 * Turns a request body into what fetch sends, setting `Content-Type` where the body implies one and the caller set
 * none: bytes and Blobs go raw (`application/octet-stream` unless the Blob has a type), FormData goes as multipart
 * (fetch writes the boundary), and every other value is sent as JSON.
 */
export function encodeRequestBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    // A hand-set multipart Content-Type would lack the boundary fetch generates.
    headers.delete('content-type');
    return body;
  }
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return body;
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    if (!headers.has('content-type')) headers.set('content-type', body.type || 'application/octet-stream');
    return body;
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream');
    return body as BodyInit;
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
}

/** Appends query parameters to a URL that may already have some, dropping undefined values. */
export function withQuery(url: string, query: Record<string, string | undefined> | undefined): string {
  if (!query) return url;
  const entries = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (entries.length === 0) return url;
  const target = new URL(url);
  for (const [key, value] of entries) target.searchParams.append(key, value);
  return target.toString();
}

/** Reads a response body: `undefined` when empty, parsed JSON when it parses, else the text itself. */
export function decodeResponseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
