import type { SessionState } from '@scribe/core/internal';
import { afterEach, expect, inject, test } from 'vitest';
import committed from '../../core/test/fixtures/speech-cuts.json';
import { createBrowserClient, type BrowserScribeClient } from '../src/client/browser-client';
import type { BrowserClientOptions } from '../src/client/browser-options';
import { CONSULTATION_WAV, SPEECH_WAV, speechInt16, speechPcm, TEST_TEMPLATES } from './support/speech-audio';
import { TEST_ASSET_BASE_URL } from './support/test-assets';

// Whole sessions from a Chromium page against the real @scribe/server: getToken mode (a token minted by "the app's
// backend", here globalSetup), chunked with Silero on onnxruntime-web, and live over the browser's own WebSocket.

const clients: BrowserScribeClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function tokenClient(overrides: Partial<BrowserClientOptions> = {}): { client: BrowserScribeClient; tokenCalls: () => number } {
  let calls = 0;
  const client = createBrowserClient({
    getToken: async () => {
      calls += 1;
      return inject('serverToken');
    },
    baseUrl: inject('serverUrl'),
    assetBaseUrl: TEST_ASSET_BASE_URL,
    defaultTemplates: TEST_TEMPLATES,
    ...overrides,
  });
  clients.push(client);
  return { client, tokenCalls: () => calls };
}

const statuses = (seen: readonly SessionState[]) => seen.map((s) => s.status).filter((status, i, all) => status !== all[i - 1]);

test('getToken mode, chunks: Float32 PCM (a 22.7 s consultation) -> speech chunks cut in the tab -> uploaded -> ended -> completed', async () => {
  const { client, tokenCalls } = tokenClient();
  expect(client.mode).toBe('token');
  const audio = await speechPcm(CONSULTATION_WAV);
  const session = client.session({ audio });
  const seen: SessionState[] = [];
  session.subscribe(() => seen.push(session.getSnapshot()));
  await session.start();
  const result = await session.result();
  expect(result.status).toBe('completed');
  expect(statuses(seen)).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
  // Exactly the chunks Node cuts from this recording (speech-cuts.json), each acknowledged once by the server.
  const expected = committed.inputs.find((input) => input.name === 'chest-pain-consultation')!.chunkCount;
  const { activity } = session.getSnapshot();
  expect(activity).toMatchObject({ chunksCut: expected, chunksAcknowledged: expected, chunksFailed: 0, chunksQueued: 0, uploadsInFlight: 0 });
  expect(result.audioFilesReceived).toBe(expected);
  expect(activity.audioSeconds).toBeCloseTo(22.66, 1);
  expect(tokenCalls()).toBeGreaterThanOrEqual(1);
  // The session is the token's: reading it back works with the same credentials.
  expect((await client.sessions.get(session.sessionId!)).status).toBe('completed');
});

test('getToken mode, chunks: Int16 PCM at 16 kHz gives one chunk; templates list through the same token', async () => {
  const { client } = tokenClient();
  const templates = await client.templates.list();
  expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(TEST_TEMPLATES));
  const session = client.session({ audio: await speechInt16(SPEECH_WAV) });
  await session.start();
  const result = await session.result();
  expect(result.status).toBe('completed');
  expect(result.audioFilesReceived).toBe(1);
  expect(session.getSnapshot().activity.chunksAcknowledged).toBe(1);
});

test('getToken mode, stream: PCM over the browser WebSocket -> stopped -> ended -> completed', async () => {
  const { client } = tokenClient();
  const sockets: string[] = [];
  const NativeWebSocket = globalThis.WebSocket;
  // Observe (not replace) the page's own WebSocket: the stream must use the standard browser socket.
  globalThis.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(String(url));
    }
  };
  try {
    const session = client.session({ audio: await speechPcm(SPEECH_WAV), transport: 'stream' });
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.start();
    const result = await session.result();
    expect(result.status).toBe('completed');
    expect(statuses(seen)).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/stream\/sessions\/[^/]+\/audio/);
    expect(result.audioFilesReceived).toBeGreaterThanOrEqual(1);
    // 8.2 s of 16 kHz 16-bit PCM went over the socket and the server acknowledged all of it (resume extension).
    const { activity } = session.getSnapshot();
    expect(activity.bytesSent).toBe(activity.bytesAcknowledged);
    expect(activity.bytesSent).toBeGreaterThan(8 * 16000 * 2);
  } finally {
    globalThis.WebSocket = NativeWebSocket;
  }
});

test('relay mode: the eka dialect under the real relay (same origin, the app cookie), no service credential of its own, a stream included', async () => {
  // The real relay (createScribeRelay, mounted on the page's server by vitest.config.ts) authenticates the user by the
  // app's cookie; the page holds no credential of the service.
  // The same signed-in user as every relay test (cookies are shared by the test files' frames of this origin).
  document.cookie = `${inject('relayUserCookie')}=alice; path=/`;
  const relayUrl = new URL(inject('relayUrl'), location.href).href;
  const urls: string[] = [];
  const client = createBrowserClient({
    relayUrl: inject('relayUrl'),
    headers: { 'X-Requested-With': 'scribe-test' },
    fetch: (input, init) => (urls.push(String(input instanceof Request ? input.url : input)), fetch(input, init)),
    assetBaseUrl: TEST_ASSET_BASE_URL,
    defaultTemplates: TEST_TEMPLATES,
  });
  clients.push(client);
  expect(client.mode).toBe('relay');
  for (const transport of ['chunks', 'stream'] as const) {
    const session = client.session({ audio: await speechPcm(SPEECH_WAV), transport });
    await session.start();
    expect((await session.result()).status).toBe('completed');
    expect(session.sessionId).toMatch(/^rs1\./);
  }
  expect(urls.length).toBeGreaterThan(4);
  expect(urls.every((url) => url.startsWith(`${relayUrl}/v1/`))).toBe(true);
  // Without the app's cookie (credentials: 'omit') the relay refuses: relay mode has nothing of its own to sign in with.
  const signedOut = createBrowserClient({ relayUrl: inject('relayUrl'), credentials: 'omit', queue: false });
  clients.push(signedOut);
  await expect(signedOut.templates.list()).rejects.toMatchObject({ code: 'auth_error', status: 401 });
});
