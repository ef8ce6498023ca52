/** The largest response body the transport reads by default: 32 MiB (a session result is a few hundred kB at most). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A response body was over the limit; `received` is how much had arrived when reading stopped. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly received: number,
    readonly declared: boolean,
  ) {
    super(`response body over ${limit} bytes`);
  }
}

/**
 * Reads a response body as UTF-8 text, at most `maxBytes` bytes: a `Content-Length` over the limit fails before any
 * read, and a body that grows past it (an endless or chunked answer) is cancelled as soon as it does, so a hostile or
 * broken server cannot grow the client's memory without bound. Throws {@link ResponseTooLarge}.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(maxBytes, 0, true);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(maxBytes, received, false);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
