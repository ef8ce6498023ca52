import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ScribeClient, UploadResult } from '@scribe/node';
import { createTempDirectory } from '../support/temp-directory';
import {
  CONSULTATION_WAV,
  FIXTURES,
  endRequests,
  ffmpeg,
  pcmBytesOfWav,
  progressLog,
  startUploadHarness,
  storedChunks,
  uploadRequests,
  type UploadHarness,
} from './support/upload-test-helpers';

/** Pieces of 1, 3, 1001, 4095, 7 ... bytes: odd sizes, so samples straddle pieces. */
async function* oddPieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  const sizes = [1, 3, 1001, 4095, 7, 333, 12_345];
  let at = 0;
  for (let turn = 0; at < bytes.length; turn += 1) {
    const size = sizes[turn % sizes.length]!;
    yield bytes.slice(at, at + size);
    at += size;
    if (turn % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Run {
  count: number;
  chunks: { name: string; bytes: Uint8Array }[];
  ready: unknown[];
}

async function run(h: UploadHarness, upload: (client: ScribeClient, sessionId: string, onProgress: ReturnType<typeof progressLog>['onProgress']) => Promise<UploadResult>): Promise<Run> {
  const session = await h.client.createSession();
  const log = progressLog();
  const { acknowledged: count } = await upload(h.client, session.sessionId, log.onProgress);
  expect(endRequests(h.t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: count }]);
  return { count, chunks: storedChunks(h.dataDir, session.sessionId), ready: log.of('chunk-ready') };
}

describe('uploadPcm gives the chunks of the equivalent WAV file', () => {
  const sources = [
    { name: '16 kHz (the consultation sample)', make: () => CONSULTATION_WAV },
    {
      name: '44.1 kHz (the consultation resampled by ffmpeg)',
      make: () => {
        const path = join(createTempDirectory(), 'consultation-44100.wav');
        ffmpeg('-i', CONSULTATION_WAV, '-ar', '44100', '-ac', '1', '-c:a', 'pcm_s16le', path);
        return path;
      },
    },
  ];

  it.each(sources)('$name: a Buffer, an async iterable of odd-sized pieces, a Readable and the WAV file agree byte for byte', { timeout: 30_000 }, async ({ make }) => {
    const wav = make();
    const { pcm, sampleRate } = pcmBytesOfWav(wav);
    const h = await startUploadHarness();

    const fromFile = await run(h, (client, id, onProgress) => client.uploadAudioFile(id, wav, { onProgress }));
    const fromBuffer = await run(h, (client, id, onProgress) => client.uploadPcm(id, Buffer.from(pcm), { sampleRate, onProgress }));
    const fromPieces = await run(h, (client, id, onProgress) => client.uploadPcm(id, oddPieces(pcm), { sampleRate, onProgress }));
    const fromReadable = await run(h, (client, id, onProgress) => client.uploadPcm(id, Readable.from(oddPieces(pcm)), { sampleRate, onProgress }));

    expect(fromFile.count).toBe(2);
    expect(fromFile.chunks.map((chunk) => chunk.name)).toEqual(['chunk_0.wav', 'chunk_1.wav']);
    for (const other of [fromBuffer, fromPieces, fromReadable]) {
      expect(other.count).toBe(fromFile.count);
      expect(other.ready).toEqual(fromFile.ready);
      expect(other.chunks.map((chunk) => chunk.name)).toEqual(fromFile.chunks.map((chunk) => chunk.name));
      other.chunks.forEach((chunk, index) => expect(Buffer.compare(chunk.bytes, fromFile.chunks[index]!.bytes), chunk.name).toBe(0));
    }
  });
});

describe('several files into one session with startIndex', () => {
  it('two files (endSession: false, then startIndex) are named continuously and end reports the total', { timeout: 30_000 }, async () => {
    const h = await startUploadHarness();
    const alone = await run(h, (client, id) => client.uploadAudioFile(id, join(FIXTURES, 'speech.wav')));
    const session = await h.client.createSession();

    const { acknowledged: first } = await h.client.uploadAudioFile(session.sessionId, CONSULTATION_WAV, { endSession: false });
    expect(first).toBe(2);
    expect(endRequests(h.t, session.sessionId)).toEqual([]);
    expect((await h.client.sessions.get(session.sessionId)).status).toBe('recording');
    const { acknowledged: second } = await h.client.uploadAudioFile(session.sessionId, join(FIXTURES, 'speech.wav'), { startIndex: first });

    expect(second).toBe(1);
    const names = ['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav'];
    expect(uploadRequests(h.t, session.sessionId).map((request) => request.path.split('/').at(-1))).toEqual(names);
    expect(endRequests(h.t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: 3 }]);
    const stored = storedChunks(h.dataDir, session.sessionId);
    expect(stored.map((chunk) => chunk.name)).toEqual(names);
    // The second file's chunk is the one it gives on its own, renamed.
    expect(Buffer.compare(stored[2]!.bytes, alone.chunks[0]!.bytes)).toBe(0);
    const result = await h.client.waitForResults(session.sessionId);
    expect(result.audioFiles).toEqual(names);
    expect(result.audioFilesReceived).toBe(3);
  });

  it('a file then raw PCM: uploadPcm continues from startIndex too', { timeout: 30_000 }, async () => {
    const h = await startUploadHarness();
    const session = await h.client.createSession();
    const { acknowledged: first } = await h.client.uploadAudioFile(session.sessionId, join(FIXTURES, 'speech.mp3'), { endSession: false });
    const { pcm, sampleRate } = pcmBytesOfWav(CONSULTATION_WAV);
    const { acknowledged: second } = await h.client.uploadPcm(session.sessionId, oddPieces(pcm), { sampleRate, startIndex: first });

    expect([first, second]).toEqual([1, 2]);
    expect(uploadRequests(h.t, session.sessionId).map((request) => request.path.split('/').at(-1))).toEqual(['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav']);
    expect(endRequests(h.t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: 3 }]);
  });

  it('a second file with no speech still ends the session with the first file\'s chunks', { timeout: 30_000 }, async () => {
    const h = await startUploadHarness();
    const session = await h.client.createSession();
    const { acknowledged: first } = await h.client.uploadAudioFile(session.sessionId, join(FIXTURES, 'speech.wav'), { endSession: false });
    const { acknowledged: second } = await h.client.uploadAudioFile(session.sessionId, join(FIXTURES, 'silence.wav'), { startIndex: first });

    expect([first, second]).toEqual([1, 0]);
    expect(endRequests(h.t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: 1 }]);
  });
});
