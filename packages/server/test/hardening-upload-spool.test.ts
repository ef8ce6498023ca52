import { request } from 'node:http';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateMultipartParts } from '../src/audio/multipart-file.js';
import { createSession, KEY_HEADERS, startTestServer, temporaryDataDir, uploadChunk } from './helpers/harness.js';
import { buildMultipart } from './helpers/multipart.js';
import { eventually } from './helpers/server-process.js';
import { makeWav } from './helpers/wav.js';

// Issue 11 item 10: upload bodies go to {dataDir}/tmp as they arrive. Whatever the outcome, nothing is left there,
// and a multipart file is cut out of the spooled body exactly.
const MiB = 1024 * 1024;

describe('upload bodies are spooled to disk (issue 11 #10)', () => {
  it('stored, refused and abandoned uploads leave nothing in the scratch directory; the stored file is byte-exact', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    const scratch = join(t.dataDir, 'tmp');
    const wav = makeWav({ seconds: 2 });
    expect((await uploadChunk(t, id, 'chunk_0.wav', wav)).status).toBe(200);
    const sessionDirs = await readdir(join(t.dataDir, 'sessions'));
    expect(await readFile(join(t.dataDir, 'sessions', sessionDirs[0] as string, id, 'audio', 'chunk_0.wav'))).toEqual(wav);
    expect(await readdir(scratch)).toEqual([]);

    expect((await uploadChunk(t, id, 'chunk_1.wav', makeWav({ seconds: 30 }))).status).toBe(400);
    const multipart = buildMultipart([{ name: 'other', data: 'x' }]);
    expect((await t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...KEY_HEADERS, 'Content-Type': multipart.contentType }, body: multipart.body })).status).toBe(400);
    expect(await readdir(scratch)).toEqual([]);

    // A client that goes away mid-body: the half-received spool is removed.
    await new Promise<void>((resolve) => {
      const url = new URL(`${t.server.url}/v1/sessions/${id}/audio/chunk_2.wav`);
      const req = request(url, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', 'Content-Length': String(4 * MiB) } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(MiB), () => setImmediate(() => req.destroy()));
      req.on('close', () => resolve());
    });
    expect(await eventually(async () => (await readdir(scratch)).length === 0, 5_000)).toBe(true);
  });

  it('a multipart file is found on disk exactly, also when a delimiter straddles the 1 MiB read blocks', async () => {
    const dir = await temporaryDataDir();
    const boundary = 'scribe-boundary-x';
    // The file's data starts 192 bytes into the body, so its closing delimiter (21 bytes) starts at 192 + size: these
    // sizes put it across the first block boundary (-8, -18, -1), right on it (0), and in a later block.
    for (const size of [MiB - 200, MiB - 210, MiB - 193, MiB - 192, 3 * MiB + 7]) {
      const data = Buffer.alloc(size, 0x5a);
      const { body } = buildMultipart(
        [
          { name: 'note', data: 'hello' },
          { name: 'file', fileName: 'chunk_0.wav', contentType: 'audio/wav', data },
        ],
        boundary,
      );
      const path = join(dir, `body-${size}`);
      await writeFile(path, body);
      const located = await locateMultipartParts(path, boundary, false);
      expect(located.map(({ name, fileName, contentType }) => ({ name, fileName, contentType }))).toEqual([
        { name: 'note', fileName: undefined, contentType: undefined },
        { name: 'file', fileName: 'chunk_0.wav', contentType: 'audio/wav' },
      ]);
      expect(body.subarray(located[0]!.start, located[0]!.end).toString()).toBe('hello');
      const file = located[1]!;
      expect(file.end - file.start).toBe(size);
      expect(body.subarray(file.start, file.end).equals(data)).toBe(true);
    }
  });
});
