import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWav, floatToInt16, int16ToLittleEndianBytes, type ScribeProgressEvent } from '@scribe/core/internal';
import type { RecordedRequest } from '@scribe/server';
import type { ScribeClient, ScribeClientOptions } from '@scribe/node';
import { ekaClient } from '../../support/client-factory';
import { startTestServer, type TestServer } from '../../support/start-test-server';
import { createTempDirectory } from '../../support/temp-directory';

export { CONSULTATION_WAV, FIXTURES } from '../../audio/support/audio-test-helpers';

/** Samples per Silero frame, and frames per second at 16 kHz. */
export const FRAME = 512;
export const RATE = 16000;

/** A real server on 127.0.0.1 whose data directory we can read back, and an eka client for it. */
export interface UploadHarness {
  t: TestServer;
  client: ScribeClient;
  dataDir: string;
}

/** Starts the reference server with a temporary data directory (so stored chunks can be read back) and a client. */
export async function startUploadHarness(options: ScribeClientOptions = {}): Promise<UploadHarness> {
  const dataDir = createTempDirectory();
  const t = await startTestServer({ dataDir });
  return { t, client: ekaClient(t, options), dataDir };
}

/** A chunk file as the server stored it under its data directory. */
export interface StoredChunk {
  name: string;
  index: number;
  bytes: Uint8Array;
}

/** The audio files the server wrote for a session, in index order (docs/server-storage.md's layout). */
export function storedChunks(dataDir: string, sessionId: string): StoredChunk[] {
  const sessionsDir = join(dataDir, 'sessions');
  const out: StoredChunk[] = [];
  for (const business of readdirSync(sessionsDir)) {
    const audioDir = join(sessionsDir, business, sessionId, 'audio');
    let names: string[];
    try {
      names = readdirSync(audioDir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.tmp-')) continue; // a write in progress (the server's temporary naming)
      const index = Number(/^chunk_(\d+)\.wav$/.exec(name)?.[1] ?? NaN);
      out.push({ name, index, bytes: new Uint8Array(readFileSync(join(audioDir, name))) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Mono float samples of a WAV file (16 kHz expected of chunks). */
export function wavSamples(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const decoded = decodeWav(bytes);
  return { samples: decoded.channels[0]!, sampleRate: decoded.sampleRate };
}

/** A 16-bit mono WAV's samples as int16 values. */
export function wavInt16(bytes: Uint8Array): Int16Array {
  return floatToInt16(wavSamples(bytes).samples);
}

/** Raw 16-bit little-endian PCM of a mono WAV file. */
export function pcmBytesOfWav(path: string): { pcm: Uint8Array; sampleRate: number } {
  const { samples, sampleRate } = wavSamples(readFileSync(path));
  return { pcm: int16ToLittleEndianBytes(floatToInt16(samples)), sampleRate };
}

/** Progress events with the wall time (ms since the epoch) each arrived. */
export interface ProgressLog {
  events: { at: number; event: ScribeProgressEvent }[];
  onProgress: (event: ScribeProgressEvent) => void;
  of<T extends ScribeProgressEvent['type']>(type: T): Extract<ScribeProgressEvent, { type: T }>[];
}

export function progressLog(): ProgressLog {
  const events: ProgressLog['events'] = [];
  return {
    events,
    onProgress: (event) => events.push({ at: Date.now(), event }),
    of: <T extends ScribeProgressEvent['type']>(type: T) =>
      events.map((entry) => entry.event).filter((event): event is Extract<ScribeProgressEvent, { type: T }> => event.type === type),
  };
}

/** Upload requests (POST .../audio/...) the server saw for a session, in arrival order. */
export function uploadRequests(t: TestServer, sessionId: string): RecordedRequest[] {
  return t.server.requests.filter((request) => request.method === 'POST' && request.path.includes(`/sessions/${sessionId}/audio/`));
}

/** End (commit) requests the server saw for a session. */
export function endRequests(t: TestServer, sessionId: string): RecordedRequest[] {
  return t.server.requests.filter((request) => request.method === 'POST' && request.path.endsWith(`/sessions/${sessionId}/end`));
}

/** Runs ffmpeg quietly (the suite requires it: see audio-test-helpers). */
export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

/** The sample spans (16 kHz) of the speech segments reported by `speech-found`, in order. */
export function segmentSpans(log: ProgressLog): { start: number; end: number }[] {
  return log.of('speech-found').map((event) => ({ start: Math.round(event.startSeconds * RATE), end: Math.round(event.endSeconds * RATE) }));
}

/**
 * What a chunk covering [start, end) of the timeline must hold: the source over the parts of the speech segments
 * inside that range, back to back (the silence between segments is not uploaded).
 */
export function sourceOverSegments(source: Int16Array, segments: { start: number; end: number }[], start: number, end: number): Int16Array {
  const parts = segments
    .map((segment) => ({ start: Math.max(segment.start, start), end: Math.min(segment.end, end) }))
    .filter((span) => span.end > span.start);
  const out = new Int16Array(parts.reduce((sum, span) => sum + span.end - span.start, 0));
  let at = 0;
  for (const span of parts) {
    out.set(source.subarray(span.start, span.end), at);
    at += span.end - span.start;
  }
  return out;
}

/** Index of the first sample where two arrays differ (or the shorter length), -1 when equal. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return index;
  return a.length === b.length ? -1 : length;
}
