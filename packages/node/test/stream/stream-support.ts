import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { concatenateArrays, decodeWav, floatToInt16, type WebSocketFactory, type WebSocketLike } from '@scribe/core/internal';
import { createNodeWebSocket } from '@scribe/node';
import type { ScribeServer } from '@scribe/server';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'audio');

/** 8 s of 16 kHz mono speech (the flite fixture) as raw s16le PCM. */
export async function speechPcm(): Promise<Uint8Array> {
  const wav = decodeWav(await readFile(join(FIXTURES, 'speech.wav')));
  const samples = new Int16Array(wav.channels[0]!.length);
  floatToInt16(wav.channels[0]!, samples);
  return new Uint8Array(samples.buffer);
}

/** Deterministic non-silent PCM of `seconds` (a tone with a counter in it, so any misplaced byte shows). */
export function tonePcm(seconds: number): Uint8Array {
  const samples = new Int16Array(Math.round(seconds * 16000));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin(i / 7)) + (i % 251);
  return new Uint8Array(samples.buffer);
}

/** The stream log the server stored for a session (every PCM byte it took, in order); empty when none. */
export async function storedStream(server: ScribeServer, sessionId: string): Promise<Uint8Array> {
  const root = join(server.dataDir, 'sessions');
  for (const business of await readdir(root).catch(() => [] as string[])) {
    try {
      return new Uint8Array(await readFile(join(root, business, sessionId, 'stream.pcm')));
    } catch {
      // Not this business.
    }
  }
  return new Uint8Array(0);
}

/** What the client did on its sockets. */
export interface SocketRecord {
  /** URLs connected to, in order. */
  urls: string[];
  /** Every frame sent: strings for text frames, bytes for binary ones. */
  sent: (string | Uint8Array)[];
  /** Every message received. */
  received: unknown[];
}

/** A real `ws` socket factory that also records what went over the sockets (nothing is faked). */
export function recordingWebSocket(): { factory: WebSocketFactory; record: SocketRecord } {
  const record: SocketRecord = { urls: [], sent: [], received: [] };
  const factory: WebSocketFactory = (url) => {
    record.urls.push(url);
    const ws = createNodeWebSocket(url);
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      record.sent.push(typeof data === 'string' ? data : data.slice());
      send(data);
    };
    return new Proxy(ws, {
      set(target, key, value) {
        if (key === 'onmessage' && typeof value === 'function') {
          const handler = value as (event: { data: unknown }) => void;
          (target as WebSocketLike).onmessage = (event) => {
            record.received.push(event.data);
            handler(event);
          };
          return true;
        }
        return Reflect.set(target, key, value);
      },
    });
  };
  return { factory, record };
}

/**
 * A microphone without a sound card: an ALSA configuration of this test only (ALSA_CONFIG_PATH, nothing global is
 * touched) defining a `filemic` device whose capture reads a raw PCM file through the `file` plugin.
 */
export function fileMicrophone(pcm: Uint8Array): { env: NodeJS.ProcessEnv; device: string; seconds: number } {
  const directory = mkdtempSync(join(tmpdir(), 'scribe-mic-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  const input = join(directory, 'input.raw');
  writeFileSync(input, pcm);
  const config = join(directory, 'asound.conf');
  writeFileSync(config, `pcm.filemic {\n  type file\n  slave.pcm { type null }\n  file "/dev/null"\n  infile "${input}"\n  format "raw"\n}\n`);
  return { env: { ...process.env, ALSA_CONFIG_PATH: config }, device: 'filemic', seconds: pcm.length / 32000 };
}

/** The speech sample `times` over, as one PCM buffer. */
export async function loopedSpeech(times: number): Promise<Uint8Array> {
  const once = await speechPcm();
  return concatenateArrays(Uint8Array, Array.from({ length: times }, () => once));
}
