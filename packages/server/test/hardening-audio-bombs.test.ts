import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectEngine, type Engine } from '../src/index.js';
import { BOMB_FORMATS, encodeAudio, type BombFormat } from './helpers/audio-bomb.js';
import { SAMPLES } from './engine/engine-test-support.js';
import { createTestEngine } from './helpers/engines.js';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk, type TestServer } from './helpers/harness.js';
import { makeWav } from './helpers/wav.js';

// Issue 11 item 9: a small compressed chunk that decodes to hours must cost no more than a chunk's worth of decoding.
const SPEECH = join(SAMPLES, 'chest-pain-consultation', 'chest-pain-consultation.wav');

function upload(t: TestServer, sessionId: string, name: string, format: BombFormat, bytes: Buffer) {
  return t.call('POST', `/v1/sessions/${sessionId}/audio/${name}`, { headers: { ...KEY_HEADERS, 'Content-Type': format.type }, body: new Uint8Array(bytes) });
}

/** The local engine with ffmpeg and pocketsphinx, optionally without its upload-time measurement (a third-party engine). */
function localEngine(withUploadCheck: boolean): Engine {
  const { engine } = selectEngine({ transcriber: 'pocketsphinx', ffmpeg: 'ffmpeg' });
  if (withUploadCheck) return engine;
  const { measureChunk: _unused, ...rest } = engine;
  return rest;
}

describe('audio bombs (issue 11 item 9)', () => {
  it.each(BOMB_FORMATS.map((format) => [`${format.type}${format.muxer ? ` (${format.muxer} bytes)` : ''}`, format] as const))('a %s chunk of 3 minutes of silence is refused at upload with 400 chunk_too_large', async (_type, format) => {
    const t = await startTestServer({ engine: localEngine(true), longPollSeconds: 0 });
    const id = await createSession(t);
    const bomb = await encodeAudio(format, { seconds: 180 });
    const refused = await upload(t, id, `chunk_0.${format.extension}`, format, bomb);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'chunk_too_large', details: { max_duration_seconds: 24 } } });
    const decoded = (refused.body as { error: { details: { chunk_duration_seconds: number } } }).error.details.chunk_duration_seconds;
    // Decoding stopped just past 24.25 s, not at 600.
    expect(decoded).toBeGreaterThan(24.25);
    expect(decoded).toBeLessThan(26);
    const status = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(status.body).toMatchObject({ status: 'created', audio_files: [] });

    const fits = await upload(t, id, `chunk_0.${format.extension}`, format, await encodeAudio(format, { seconds: 20 }));
    expect(fits.status, JSON.stringify(fits.body)).toBe(200);
  }, 30_000);

  it('a bomb that got past the upload (an engine without measureChunk) is skipped while decoding, and the speech next to it is transcribed', async () => {
    const t = await startTestServer({ engine: localEngine(false), longPollSeconds: 0 });
    const format = BOMB_FORMATS[0] as BombFormat;
    const id = await createSession(t, { templates: ['transcript'] });
    expect((await upload(t, id, 'chunk_0.ogg', format, await encodeAudio(format, { seconds: 10, source: SPEECH }))).status).toBe(200);
    expect((await upload(t, id, 'chunk_1.ogg', format, await encodeAudio(format, { seconds: 900 }))).status).toBe(200);
    expect((await endSession(t, id, 2)).status).toBe(202);
    const result = await settledSession(t, id);
    expect(result.body).toMatchObject({
      status: 'partial',
      processing_errors: [{ type: 'audio_file_skipped', file: 'chunk_1.ogg', message: 'chunk_1.ogg is longer than 24 s' }],
    });
    expect(result.body.transcript).toMatch(/good morning.*\n.*three days/s);
  }, 60_000);

  it("decoding stops at the session's maximum duration: chunks past it are skipped, not decoded", async () => {
    const t = await startTestServer({ engine: localEngine(true), longPollSeconds: 0, sessionDurationSeconds: 30 });
    const format = BOMB_FORMATS[1] as BombFormat;
    const id = await createSession(t, { templates: ['transcript'] });
    const chunk = await encodeAudio(format, { seconds: 12, source: SPEECH });
    for (const index of [0, 1, 2]) expect((await upload(t, id, `chunk_${index}.ogg`, format, chunk)).status).toBe(200);
    expect((await endSession(t, id, 3)).status).toBe(202);
    const result = await settledSession(t, id);
    expect(result.body).toMatchObject({
      status: 'partial',
      processing_errors: [{ type: 'audio_file_skipped', file: 'chunk_2.ogg', message: "chunk_2.ogg was not used: the session's audio already reached its maximum of 30 s" }],
    });
  }, 60_000);

  it("WAV chunks past the session's maximum duration are not decoded: the engine never sees them", async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine, longPollSeconds: 0, sessionDurationSeconds: 30 });
    const id = await createSession(t, { templates: ['transcript'] });
    for (const index of [0, 1, 2]) expect((await uploadChunk(t, id, `chunk_${index}.wav`, makeWav({ seconds: 12 }))).status).toBe(200);
    expect((await endSession(t, id, 3)).status).toBe(202);
    const result = await settledSession(t, id);
    expect(result.body).toMatchObject({
      status: 'partial',
      processing_errors: [{ type: 'audio_file_skipped', file: 'chunk_2.wav', message: "chunk_2.wav was not used: the session's audio already reached its maximum of 30 s" }],
    });
    expect(engine.transcribeCalls[0]?.chunks.map((chunk) => chunk.fileName)).toEqual(['chunk_0.wav', 'chunk_1.wav']);
  });
});
