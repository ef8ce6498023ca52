import { readCappedBytes } from './read-capped-bytes';

/** The largest response body the transport reads by default: 32 MiB (a session result is a few hundred kB at most). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Reads a response body as UTF-8 text, at most `maxBytes` bytes (see {@link readCappedBytes}); throws `BodyTooLarge`. */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBytes(response, maxBytes));
}
