import { describe, expect, it } from 'vitest';
import { BOMB_FORMATS, encodeAudio, type BombFormat } from './helpers/audio-bomb.js';
import { call, KEY_HEADERS, temporaryDataDir } from './helpers/harness.js';
import { eventually, startServerProcess, type ServerProcess } from './helpers/server-process.js';

// Issue 11 items 9 and 10, measured where they hurt: the peak resident memory of a real server process (Linux VmHWM).
const MiB = 1024 * 1024;

async function createSession(server: ServerProcess): Promise<string> {
  const response = await call(server.url, 'POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['transcript'] } });
  expect(response.status).toBe(201);
  return response.body.session_id as string;
}

/** A valid WAV of exactly `bytes` bytes lasting under 24 s: 16-bit mono at a sample rate high enough to fill it. */
function largeWav(bytes: number): Uint8Array<ArrayBuffer> {
  const data = bytes - 44;
  const sampleRate = Math.ceil(data / 2 / 23.5);
  const wav = new Uint8Array(bytes);
  const view = new DataView(wav.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, data, true);
  return wav;
}

/** Starts a server process and lets it settle, returning it with its peak RSS so far (start-up included). */
async function measuredServer(): Promise<{ server: ServerProcess; before: number }> {
  const server = await startServerProcess(['--data-dir', await temporaryDataDir(), '--transcriber', 'none', '--rate-limit', '0']);
  await createSession(server);
  return { server, before: await server.peakRss() };
}

describe('resource bounds of a server process (issue 11 items 9 and 10)', () => {
  it('eight parallel 100 MiB uploads raise peak RSS by less than 64 MiB: bodies stream to disk', async () => {
    const { server, before } = await measuredServer();
    const body = largeWav(100 * MiB);
    const ids = await Promise.all([...Array(8)].map(() => createSession(server)));
    const answers = await Promise.all(
      ids.map((id) => fetch(`${server.url}/v1/sessions/${id}/audio/chunk_0.wav`, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    const grown = (await server.peakRss()) - before;
    console.log(`8 x 100 MiB uploads: peak RSS ${Math.round(before / MiB)} MiB before, +${Math.round(grown / MiB)} MiB`);
    expect(grown).toBeLessThan(64 * MiB);
  }, 120_000);

  it('a 30-minute Ogg Vorbis bomb raises peak RSS by less than 32 MiB: decoding stops at the chunk limit', async () => {
    const { server, before } = await measuredServer();
    const format = BOMB_FORMATS[0] as BombFormat;
    const bomb = await encodeAudio(format, { seconds: 1800 });
    const id = await createSession(server);
    const upload = await call(server.url, 'POST', `/v1/sessions/${id}/audio/chunk_0.ogg`, { headers: { ...KEY_HEADERS, 'Content-Type': format.type }, body: new Uint8Array(bomb) });
    if (upload.status === 200) {
      // A server that takes the bomb decodes it while processing: measure that too.
      await call(server.url, 'POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 1 } });
      const settled = async () => ['completed', 'partial', 'failed'].includes((await call(server.url, 'GET', `/v1/sessions/${id}?wait=0`, { headers: KEY_HEADERS })).body.status);
      await eventually(settled, 60_000);
    }
    const grown = (await server.peakRss()) - before;
    console.log(`${Math.round(bomb.length / 1024)} KB bomb of 30 min: upload ${upload.status}, peak RSS ${Math.round(before / MiB)} MiB before, +${Math.round(grown / MiB)} MiB`);
    expect(upload.status).toBe(400);
    expect(grown).toBeLessThan(32 * MiB);
  }, 120_000);

  it('processing a 100 MiB WAV chunk (23.5 s at 2.2 MHz) raises peak RSS by less than 192 MiB: no float32 copy at its own rate', async () => {
    const { server, before } = await measuredServer();
    const id = await createSession(server);
    const stored = await fetch(`${server.url}/v1/sessions/${id}/audio/chunk_0.wav`, { method: 'POST', headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body: largeWav(100 * MiB) });
    expect(stored.status).toBe(200);
    await call(server.url, 'POST', `/v1/sessions/${id}/end`, { headers: KEY_HEADERS, json: { audio_files_sent: 1 } });
    const status = async () => (await call(server.url, 'GET', `/v1/sessions/${id}?wait=0`, { headers: KEY_HEADERS })).body.status as string;
    expect(await eventually(async () => (await status()) !== 'processing', 60_000)).toBe(true);
    // --transcriber none: the session fails after its audio was decoded, which is the step measured here.
    expect(await status()).toBe('failed');
    const grown = (await server.peakRss()) - before;
    console.log(`processing a 100 MiB WAV: peak RSS ${Math.round(before / MiB)} MiB before, +${Math.round(grown / MiB)} MiB`);
    expect(grown).toBeLessThan(192 * MiB);
  }, 120_000);
});
