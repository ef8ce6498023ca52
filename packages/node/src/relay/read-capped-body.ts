import { concatenateArrays } from '@scribe/core/internal';

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` over the limit is refused before any
 * byte is read; an undeclared (chunked) body is read piece by piece and abandoned as soon as it passes the limit, so
 * an oversize body is never buffered whole. Resolves with the bytes, or `'too_large'`.
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array | 'too_large'> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return 'too_large';
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too_large';
    }
    pieces.push(value);
  }
  return concatenateArrays(Uint8Array, pieces);
}
