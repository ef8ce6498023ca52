import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { createSession, type TestServer } from '../helpers/harness.js';

/** A raw test socket: what it received and how it closed. */
export interface TestSocket {
  ws: WebSocket;
  /** Text messages received, parsed. */
  messages: unknown[];
  /** When each message arrived (performance.now()). */
  arrivals: number[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string; at: number }>;
}

/** Connects a plain `ws` client (no headers, no subprotocol) and records everything; terminated when the test ends. */
export function connect(url: string): TestSocket {
  const ws = new WebSocket(url);
  const messages: unknown[] = [];
  const arrivals: number[] = [];
  ws.on('message', (data, isBinary) => {
    messages.push(isBinary ? data : JSON.parse(String(data)));
    arrivals.push(performance.now());
  });
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: performance.now() })));
  onTestFinished(() => ws.terminate());
  return { ws, messages, arrivals, opened, closed };
}

/** Creates a stream session with the dev key; returns its id and upload_url. */
export async function createStreamSession(t: TestServer, prefix = '/v1'): Promise<{ sessionId: string; url: string }> {
  const response = await t.call('POST', `${prefix}/sessions`, { headers: { 'X-API-Key': 'sk_test_local_dev' }, json: { templates: ['soap'], upload_type: 'stream', communication_protocol: 'websocket' } });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return { sessionId: response.body.session_id as string, url: response.body.upload_url as string };
}

export { createSession };

/** Sends and waits until the socket's buffer is written. */
export function send(socket: TestSocket, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => socket.ws.send(data, (error) => (error ? reject(error) : resolve())));
}

/** The server's stream log for a session. */
export async function storedLog(t: TestServer, sessionId: string): Promise<Buffer> {
  const root = join(t.dataDir, 'sessions');
  for (const business of await readdir(root)) {
    try {
      return await readFile(join(root, business, sessionId, 'stream.pcm'));
    } catch {
      // another business
    }
  }
  return Buffer.alloc(0);
}

/** Deterministic non-silent PCM. */
export function tone(seconds: number): Buffer {
  const samples = new Int16Array(Math.round(seconds * 16000));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(6000 * Math.sin(i / 9)) + (i % 97);
  return Buffer.from(samples.buffer);
}

/** 8 s of flite speech (16 kHz mono) as raw PCM, from the node package's fixtures. */
export async function speech(): Promise<Buffer> {
  const wav = await readFile(join(import.meta.dirname, '..', '..', '..', 'node', 'test', 'fixtures', 'audio', 'speech.wav'));
  const at = wav.indexOf('data');
  return wav.subarray(at + 8, at + 8 + wav.readUInt32LE(at + 4));
}
