import { concatenateArrays } from '../audio/concatenate-arrays';

/** A body was over the limit; `received` is how much had arrived when reading stopped (0 when `Content-Length` said so). */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly received: number,
    readonly declared: boolean,
  ) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * Reads a request's or response's body, at most `maxBytes` bytes: a `Content-Length` over the limit fails before any
 * read, and a body that grows past it (an endless or chunked one) is cancelled as soon as it does, so a hostile or
 * broken peer cannot grow memory without bound. Throws {@link BodyTooLarge}.
 */
export async function readCappedBytes(message: Pick<Request, 'headers' | 'body'>, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(message.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(maxBytes, 0, true);
  }
  if (!message.body) return new Uint8Array(0);
  const reader = message.body.getReader();
  const pieces: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(maxBytes, received, false);
    }
    pieces.push(value);
  }
  return concatenateArrays(Uint8Array, pieces);
}
