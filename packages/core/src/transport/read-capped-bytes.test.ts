import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readCappedBytes } from './read-capped-bytes';

// A body of `pieces` pieces of `size` bytes each, recording whether the reader cancelled it and how many it pulled.
function streamed(pieces: number, size: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === pieces) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(seen.pulled));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), seen };
}

describe('readCappedBytes', () => {
  it('reads a body up to the limit whole, in order', async () => {
    const { response } = streamed(3, 4);
    expect(await readCappedBytes(response, 12)).toEqual(Uint8Array.of(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3));
    expect(await readCappedBytes(new Response(null), 0)).toEqual(new Uint8Array(0));
  });

  it('refuses a declared Content-Length over the limit before reading, and cancels the body', async () => {
    const { response, seen } = streamed(3, 4, { 'content-length': '12' });
    const error = await readCappedBytes(response, 11).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyTooLarge);
    expect(error).toMatchObject({ limit: 11, received: 0, declared: true });
    expect(seen.cancelled).toBe(true);
  });

  it('stops an undeclared body as soon as it passes the limit', async () => {
    const { response, seen } = streamed(1000, 4);
    const error = await readCappedBytes(response, 10).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ limit: 10, received: 12, declared: false });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(10);
  });
});
