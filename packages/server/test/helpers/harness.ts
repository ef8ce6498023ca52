import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { createContractValidator, startServer, type ScribeServer, type ServerOptions } from '../../src/index.js';

/** The dev API key. */
export const DEV_KEY = 'sk_test_local_dev';
/** Headers authenticating with the dev API key. */
export const KEY_HEADERS = { 'X-API-Key': DEV_KEY };

/** One validator for the whole test process: compiling the schemas takes a moment. */
export const contract = createContractValidator();

/** A parsed response. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/** Request options of `call`. */
export interface CallOptions {
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Uint8Array;
  /** Validate the response against the contract (default true). */
  validate?: boolean;
}

/** A server plus a client bound to it. */
export interface TestServer {
  server: ScribeServer;
  dataDir: string;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
}

/** Makes a temporary data directory removed when the test ends. */
export async function temporaryDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-server-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a server on an ephemeral port with test knobs on; it is closed when the test ends. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await temporaryDataDir());
  const server = await startServer({ testKnobs: true, ...options, dataDir });
  onTestFinished(() => server.close());
  return { server, dataDir, call: (method, path, init) => call(server.url, method, path, init) };
}

/**
 * Sends a request and parses the answer. Every response must carry `X-Request-Id` and, unless `validate: false`,
 * its body must satisfy the contract schemas (2.9 exceptions applied).
 */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(baseUrl + path, { method, headers, body: body instanceof Uint8Array ? new Uint8Array(body) : body });
  const text = await response.text();
  let parsed: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text);
  expect(response.headers.get('x-request-id'), `${method} ${path} must answer X-Request-Id`).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  if (options.validate !== false) {
    if (response.status >= 400 || (text !== '' && response.status !== 204)) {
      expect(parsed, `${method} ${path} → ${response.status} must be JSON`).not.toBeUndefined();
    }
    contract.assertResponse({ method, path, status: response.status, body: parsed });
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Creates a session with the dev key and returns its id. */
export async function createSession(t: TestServer, fields: Record<string, unknown> = {}, headers: Record<string, string> = KEY_HEADERS): Promise<string> {
  const response = await t.call('POST', '/v1/sessions', { headers, json: { templates: ['soap'], ...fields } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.session_id as string;
}

/** Uploads a WAV chunk with form A. */
export async function uploadChunk(t: TestServer, sessionId: string, name: string, bytes: Uint8Array, headers: Record<string, string> = KEY_HEADERS): Promise<ApiResponse> {
  return t.call('POST', `/v1/sessions/${sessionId}/audio/${encodeURIComponent(name)}`, { headers: { ...headers, 'Content-Type': 'audio/wav' }, body: bytes });
}

/** Ends a session. */
export async function endSession(t: TestServer, sessionId: string, sent?: number, headers: Record<string, string> = KEY_HEADERS): Promise<ApiResponse> {
  return t.call('POST', `/v1/sessions/${sessionId}/end`, { headers, ...(sent === undefined ? {} : { json: { audio_files_sent: sent } }) });
}

/** Waits for processing and webhook retries to settle, then GETs the session. */
export async function settledSession(t: TestServer, sessionId: string, headers: Record<string, string> = KEY_HEADERS, query = ''): Promise<ApiResponse> {
  await t.server.idle();
  return t.call('GET', `/v1/sessions/${sessionId}${query}`, { headers });
}
