import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ScribeError } from '@scribe/node';
import { createCapturingLogger } from '../support/capturing-logger';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { createTempDirectory } from '../support/temp-directory';
import { makeWavChunks } from '../support/wav-fixtures';

const SENTINEL_SECRET = 'SENTINEL-secret-7d41c09e-rel';
const SENTINEL_KEY = 'sk_live_SENTINEL-key-2f86b3a5-rel';
const SENTINELS = [SENTINEL_SECRET, SENTINEL_KEY];

/** Everything an application could print or ship about an error, down its cause chain: text, message, stack, JSON. */
function exposedText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth += 1) {
    parts.push(String(current), JSON.stringify(current) ?? '');
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    if (ScribeError.is(current)) parts.push(JSON.stringify(current.toJSON()), JSON.stringify(current.details ?? {}));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** Every file under `directory`, as bytes, keyed by path. */
function filesUnder(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** An HTTP server on another loopback address (another host to the client) that records what reaches it. */
async function otherHost(): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (data: Buffer) => (body += data.toString()));
    request.on('end', () => {
      received.push(`${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"x","refresh_token":"y","expires_in":3600}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.2:${(server.address() as { port: number }).port}`, received };
}

async function failure(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('[issue 11] sentinel secret: a session full of failures leaks the client secret and API key nowhere', () => {
  it('bad login, a redirect to another host, 5xx, a dropped socket and an expired session: zero hits in the server log, the client log, the errors and the data dir', async () => {
    const dataDir = createTempDirectory();
    const serverLog: string[] = [];
    const t = await startTestServer({
      dataDir,
      log: (line) => serverLog.push(line),
      accounts: [{ clientId: 'sentinel-client', clientSecret: SENTINEL_SECRET, businessId: 'b_sentinel', apiKeys: [SENTINEL_KEY] }],
    });
    const elsewhere = await otherHost();
    const logger = createCapturingLogger();
    const client = ekaClient(t, { clientId: 'sentinel-client', clientSecret: SENTINEL_SECRET, apiKey: SENTINEL_KEY, maxRetries: 1, logger });
    const errors: ScribeError[] = [];

    // 1. The login is refused.
    t.server.faults.add({ method: 'POST', path: '/login$', kind: 'status', status: 401, times: 4 });
    errors.push(await failure(client.createSession()));
    expect(errors.at(-1)!.code).toBe('auth_error');
    t.server.faults.clear();

    // 2. The login is redirected to another host: nothing may follow it there.
    t.server.faults.add({ method: 'POST', path: '/login$', kind: 'status', status: 307, headers: { location: `${elsewhere.url}/login` }, times: 4 });
    errors.push(await failure(client.createSession()));
    expect(errors.at(-1)!.code).toBe('auth_error');
    expect(elsewhere.received).toEqual([]);
    t.server.faults.clear();

    // 3. The service fails with 5xx past the retries.
    t.server.faults.add({ method: 'POST', path: '/sessions$', kind: 'status', status: 503, times: 4 });
    errors.push(await failure(client.createSession()));
    expect(errors.at(-1)!.status).toBe(503);
    t.server.faults.clear();

    // 4. The socket drops under every chunk upload.
    const { sessionId } = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'drop', when: 'before', times: 4 });
    errors.push(await failure(client.uploadChunks(sessionId, makeWavChunks(1), { endSession: false })));
    expect(errors.at(-1)!.code).toBe('api_error');
    t.server.faults.clear();
    await client.uploadChunks(sessionId, makeWavChunks(1), { endSession: false });

    // 5. The session expires: uploading and ending both fail.
    expect(await t.server.expireSession(sessionId)).toBe(1);
    errors.push(await failure(client.uploadChunks(sessionId, makeWavChunks(1), { startIndex: 1, endSession: false })));
    errors.push(await failure(client.endSession(sessionId)));
    expect(errors.slice(-2).map((error) => error.code)).toEqual(['session_expired', 'session_expired']);

    // The sentinels were really in play: the login that worked sent them, the server's request log holds them redacted.
    expect(t.requests(/\/login$/, 'POST').at(-1)?.body).toMatchObject({ client_secret: '[redacted]' });
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(serverLog.length).toBeGreaterThan(0);
    const files = filesUnder(dataDir);
    // The search below is not vacuous: it finds what is there (the session id is in the data dir).
    expect([...files.values()].some((bytes) => bytes.includes(sessionId))).toBe(true);

    const places: [string, string][] = [
      ['server log', serverLog.join('\n')],
      ['server request log', JSON.stringify(t.server.requests)],
      ['client logger', logger.lines.join('\n')],
      ...errors.map((error, index): [string, string] => [`error ${index + 1} (${error.code})`, exposedText(error)]),
      ['the other host', elsewhere.received.join('\n')],
    ];
    for (const sentinel of SENTINELS) {
      for (const [place, text] of places) expect(text.includes(sentinel), `${sentinel} in ${place}`).toBe(false);
      for (const [path, bytes] of files) expect(bytes.includes(sentinel), `${sentinel} in ${path}`).toBe(false);
    }
    console.log(`sentinel: ${errors.length} failures, ${logger.lines.length} client log lines, ${serverLog.length} server log lines, ${t.server.requests.length} requests, ${files.size} data files: 0 hits`);
  });
});
