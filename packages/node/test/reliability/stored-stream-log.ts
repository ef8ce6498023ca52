import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The stream log a server stored for a session under `dataDir` (every PCM byte it took, in order); empty when none. */
export async function storedStreamLog(dataDir: string, sessionId: string): Promise<Uint8Array> {
  const root = join(dataDir, 'sessions');
  for (const business of await readdir(root).catch(() => [] as string[])) {
    try {
      return new Uint8Array(await readFile(join(root, business, sessionId, 'stream.pcm')));
    } catch {
      // Not this business.
    }
  }
  return new Uint8Array(0);
}
