import { BodyTooLarge, readCappedBytes } from '@scribe/core/internal';

/**
 * Reads a request body of at most `limit` bytes with core's `readCappedBytes`: a declared `Content-Length` over the
 * limit is refused before any byte is read, and an undeclared (chunked) body is abandoned as soon as it passes the
 * limit, so an oversize body is never buffered whole. Resolves with the bytes, or `'too_large'`.
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array | 'too_large'> {
  try {
    return await readCappedBytes(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) return 'too_large';
    throw error;
  }
}
