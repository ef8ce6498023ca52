import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { selectEngine, type EngineSelection } from '../../src/index.js';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, type ApiResponse, type TestServer } from '../helpers/harness.js';

/** The sample consultations of examples/samples. */
export const SAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'samples');

/** A file of a sample, e.g. `sampleFile('chest-pain-consultation', 'chunks/chunk_0.wav')`. */
export function sampleFile(sample: string, file: string): Promise<Buffer> {
  return readFile(join(SAMPLES, sample, file));
}

/** Starts a test server whose engine is the local engine built from `selection`. */
export async function startEngineServer(selection: EngineSelection): Promise<TestServer> {
  return startTestServer({ engine: selectEngine(selection).engine, longPollSeconds: 0 });
}

/** One file to upload: its name, bytes and MIME type. */
export interface UploadFile {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** Creates a session, uploads the files (raw, form A), ends it and returns the settled session body. */
export async function runSession(t: TestServer, files: readonly UploadFile[], fields: Record<string, unknown> = {}): Promise<ApiResponse> {
  const id = await createSession(t, { templates: ['clinical_notes_template', 'eka_emr_template'], session_mode: 'consultation', ...fields });
  for (const file of files) {
    const response = await t.call('POST', `/v1/sessions/${id}/audio/${encodeURIComponent(file.name)}`, {
      headers: { ...KEY_HEADERS, 'Content-Type': file.type ?? 'audio/wav' },
      body: new Uint8Array(file.bytes),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
  expect((await endSession(t, id, files.length)).status).toBe(202);
  return settledSession(t, id);
}

/** Writes an executable shell script named `name` in a temporary directory removed after the test; returns its path. */
export async function fakeExecutable(name: string, script: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-fake-bin-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

/** A request the fake HTTP endpoint received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Starts a tiny local HTTP server answering with `answer`; closed after the test. */
export async function fakeEndpoint(answer: (request: ReceivedRequest, response: ServerResponse) => void): Promise<{ url: string; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(parts) };
      requests.push(received);
      answer(received, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** The `templates` of a session body as `{id: entry}` (API-key callers get the keyed form). */
export function templatesOf(body: Record<string, unknown>): Record<string, { status: string; data?: Record<string, unknown>; error?: { code: string; message: string } }> {
  return body.templates as ReturnType<typeof templatesOf>;
}
