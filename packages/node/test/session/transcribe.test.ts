import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirectory } from '../support/temp-directory';
import { CONSULTATION_WAV, endRequests, pcmBytesOfWav, startUploadHarness } from '../upload-audio/support/upload-test-helpers';

describe('ScribeClient.transcribe: one call from audio to result, against the real server', () => {
  it('a file: create, speech chunks, end, poll; resolves with the completed result', async () => {
    const { t, client } = await startUploadHarness();
    const progress: string[] = [];
    const result = await client.transcribe(CONSULTATION_WAV, { onProgress: (event) => progress.push(event.type) });
    expect(result.status).toBe('completed');
    expect(progress).toContain('chunk-uploaded');
    expect(endRequests(t, result.sessionId)).toHaveLength(1);
  });

  it('raw PCM: { pcm, sampleRate } goes the same way', async () => {
    const { client } = await startUploadHarness();
    const { pcm, sampleRate } = pcmBytesOfWav(CONSULTATION_WAV);
    expect((await client.transcribe({ pcm, sampleRate })).status).toBe('completed');
  });

  it.each([
    ['a missing file', () => join(createTempDirectory(), 'missing.wav'), /missing\.wav/],
    ['an empty file', () => writeTo('empty.wav', ''), /is empty \(0 bytes\)/],
    ['a text file', () => writeTo('notes.wav', 'patient notes, not audio'), /looks like a text file/],
  ])('%s is refused before any session is created', async (_name, makePath, message) => {
    const { t, client } = await startUploadHarness();
    await expect(client.transcribe(makePath())).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringMatching(message) });
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(0);
  });

  it('a PCM input without a valid sampleRate is refused before any session is created', async () => {
    const { t, client } = await startUploadHarness();
    await expect(client.transcribe({ pcm: new Uint8Array(3200), sampleRate: 0 })).rejects.toMatchObject({ code: 'invalid_audio' });
    expect(t.requests(/\/sessions$/, 'POST')).toHaveLength(0);
  });

  it("the caller's deadline: TimeoutError, and the session is not ended", async () => {
    const { t, client } = await startUploadHarness();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: 3_000, times: 100 });
    await expect(client.transcribe(CONSULTATION_WAV, { signal: AbortSignal.timeout(500) })).rejects.toMatchObject({ code: 'timeout' });
    const [created] = t.requests(/\/sessions$/, 'POST');
    expect(created).toBeDefined();
    expect(t.requests(/\/end$/, 'POST')).toHaveLength(0);
  });
});

function writeTo(name: string, text: string): string {
  const path = join(createTempDirectory(), name);
  writeFileSync(path, text);
  return path;
}
