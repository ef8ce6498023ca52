import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestEngine } from './helpers/engines.js';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk } from './helpers/harness.js';
import { makeWav } from './helpers/wav.js';

// Issue 11 item 8: the start-up sweep of interrupted writes must never take an accepted upload for a leftover.
const TRICKY_NAMES = ['take.tmp-2_0.wav', 'x.tmp-y_1.wav', 'a.tmp-abcdefgh_2.wav'];

describe('temporary files cannot collide with uploaded names (issue 11 #8)', () => {
  it('uploads whose names contain .tmp- survive a restart and the session completes with all of them', async () => {
    const first = await startTestServer();
    const id = await createSession(first, { templates: ['soap'] });
    for (const name of TRICKY_NAMES) expect((await uploadChunk(first, id, name, makeWav({ seconds: 0.1 }))).status, name).toBe(200);
    await first.server.close();

    const business = (await readdir(join(first.dataDir, 'sessions')))[0] as string;
    const audioDir = join(first.dataDir, 'sessions', business, id, 'audio');
    // A real leftover of an interrupted write, in today's naming, is still swept.
    const leftovers = (await readdir(audioDir)).length;
    await writeFile(join(audioDir, '.tmp-abcdefgh-chunk_9.wav'), 'torn');

    const second = await startTestServer({ dataDir: first.dataDir, engine: createTestEngine() });
    expect((await readdir(audioDir)).sort()).toHaveLength(leftovers);
    expect((await readdir(audioDir)).some((name) => name.startsWith('.tmp-'))).toBe(false);
    expect((await endSession(second, id, TRICKY_NAMES.length)).status).toBe(202);
    const result = await settledSession(second, id);
    expect(result.body.status).toBe('completed');
    expect([...result.body.audio_files].sort()).toEqual([...TRICKY_NAMES].sort());
    expect((await second.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.audio_files_received).toBe(TRICKY_NAMES.length);
  });
});
