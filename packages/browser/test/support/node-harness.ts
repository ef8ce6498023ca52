import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createConnection, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScribeServer } from '@scribe/server';

// The Node side of the browser tests: what globalSetup starts and what the browser commands (vitest.config.ts) read.
// globalSetup and the commands run in the same Node process but load this module separately, so the live objects
// are shared through one global slot. Every browser project (chromium, the microphone ones) runs globalSetup: the first
// starts the services, the others share them, and the last teardown closes them.

/** The relay service account's client secret: a sentinel that must never reach the page. */
export const SENTINEL_SECRET = 'SENTINEL-browser-client-secret-4e1d7c93a0b25f68';
/** The relay service account's API key: a sentinel as well. */
export const SENTINEL_API_KEY = 'sk_SENTINEL_browser_api_key_9a8b7c6d';
/** The relay's handle-signing secret. */
export const RELAY_SECRET = 'relay-secret-SENTINEL-browser-0123456789abcdef01234567';
/** Where the test relay is mounted. */
export const RELAY_MOUNT = '/api/scribe';
/** The cookie the test app authenticates its users by (the page sets it; same-origin fetch sends it). */
export const USER_COOKIE = 'scribe_test_user';

/** The live objects globalSetup started. */
export interface BrowserHarness {
  server: ScribeServer;
  proxy: CuttableProxy;
  /** The relay as a node:http listener (`toNodeHandler`), mounted at `RELAY_MOUNT` on the page's own server. */
  relayListener: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Access and refresh tokens the service handed the relay's client (read from its own login answers). */
  relayTokens: Set<string>;
  close(): Promise<void>;
}

const SLOT = Symbol.for('scribe.browser-tests.harness');

interface SharedHarness {
  started: Promise<BrowserHarness>;
  current: BrowserHarness | undefined;
  users: number;
}

const shared = () => globalThis as Record<symbol, SharedHarness | undefined>;

/** The harness globalSetup started (throws when called before). */
export function harness(): BrowserHarness {
  const found = shared()[SLOT]?.current;
  if (!found) throw new Error('The browser test harness is not running (globalSetup starts it).');
  return found;
}

/**
 * Starts the reference server (test knobs on, the dev account and the relay's sentinel account), a cuttable proxy and
 * the relay, or joins the ones another project's globalSetup started; `close()` leaves, and the last one closes them.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  let slot = shared()[SLOT];
  if (!slot) {
    const created: SharedHarness = { started: launch(), current: undefined, users: 0 };
    created.started.then((started) => (created.current = started), () => (shared()[SLOT] = undefined));
    shared()[SLOT] = created;
    slot = created;
  }
  slot.users += 1;
  const started = await slot.started;
  const joined = slot;
  let left = false;
  return {
    ...started,
    async close() {
      if (left) return;
      left = true;
      joined.users -= 1;
      if (joined.users > 0) return;
      shared()[SLOT] = undefined;
      await started.close();
    },
  };
}

async function launch(): Promise<BrowserHarness> {
  const { startServer, DEV_ACCOUNT } = await import('@scribe/server');
  const { ScribeClient, createScribeRelay, toNodeHandler } = await import('@scribe/node');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    testKnobs: true,
    accounts: [DEV_ACCOUNT, { clientId: 'relay-service', clientSecret: SENTINEL_SECRET, businessId: 'b_relay', apiKeys: [SENTINEL_API_KEY] }],
    engine: {
      transcribe: async () => ({ text: 'Doctor: How are you feeling today? Patient: Much better, the cough has gone.', language: 'en' }),
      extract: async (input) => ({ status: 'success', data: { template: input.templateId, plan: 'Rest and fluids.' } }),
    },
  });
  const proxy = await startCuttableProxy(server.url);
  const relayTokens = new Set<string>();
  const cwd = mkdtempSync(join(tmpdir(), 'scribe-browser-relay-'));
  // The relay's service client, as an app's backend holds it: through the cuttable proxy, no transport retries (the
  // browser's queue retries), and its login answers read for the tokens the page must never see.
  const serviceClient = new ScribeClient({
    cwd,
    processEnv: {},
    baseUrl: proxy.url,
    authBaseUrl: proxy.url,
    clientId: 'relay-service',
    clientSecret: SENTINEL_SECRET,
    maxRetries: 0,
    requestTimeout: 10,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/connect-auth/')) {
        const body = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
        for (const key of ['access_token', 'refresh_token']) if (typeof body[key] === 'string') relayTokens.add(body[key]);
      }
      return response;
    },
  });
  const relay = createScribeRelay({
    client: serviceClient,
    secret: RELAY_SECRET,
    // The app's own session check: a signed-in user has the app's cookie.
    authorize: (request) => {
      const user = /(?:^|;\s*)scribe_test_user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      return user ? { userId: decodeURIComponent(user) } : null;
    },
    basePath: RELAY_MOUNT,
  });
  return {
    server,
    proxy,
    relayListener: toNodeHandler(relay),
    relayTokens,
    async close() {
      serviceClient.close();
      await proxy.close();
      await server.close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** A TCP proxy whose network can be cut (every connection reset) and restored, as a dropped Wi-Fi would. */
export interface CuttableProxy {
  readonly url: string;
  cut(): void;
  restore(): void;
  readonly refused: number;
  close(): Promise<void>;
}

async function startCuttableProxy(target: string): Promise<CuttableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let isCut = false;
  let refused = 0;
  const server = createTcpServer((client) => {
    if (isCut) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      isCut = false;
    },
    get refused() {
      return refused;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The upstream session id inside a relay handle (`rs1.<base64url(id)>.<mac>`). */
export function upstreamId(handle: string): string {
  const [version, id] = handle.split('.');
  if (version !== 'rs1' || !id) throw new Error(`not a relay handle: ${handle}`);
  return Buffer.from(id, 'base64url').toString('utf8');
}

/** What the server's request log says about one session: each audio upload (name, status) and each end (body, status). */
export interface SessionTraffic {
  uploads: { name: string; status: number | null }[];
  ends: { body: unknown; status: number | null }[];
  /** The chunk files on the server's disk, by name. */
  stored: string[];
}

/** Reads the server's request log and data directory for the session behind a relay handle. */
export function sessionTraffic(handle: string): SessionTraffic {
  const { server } = harness();
  const id = upstreamId(handle);
  const requests = server.requests.filter((request) => request.method === 'POST' && request.path.includes(`/sessions/${id}/`));
  return {
    uploads: requests.filter((r) => r.path.includes('/audio/')).map((r) => ({ name: r.path.slice(r.path.lastIndexOf('/') + 1), status: r.status })),
    ends: requests.filter((r) => r.path.endsWith('/end')).map((r) => ({ body: r.body, status: r.status })),
    stored: storedChunkNames(server.dataDir, id),
  };
}

function storedChunkNames(dataDir: string, sessionId: string): string[] {
  const sessions = join(dataDir, 'sessions');
  for (const business of readdirSync(sessions)) {
    try {
      return readdirSync(join(sessions, business, sessionId, 'audio'))
        .filter((name) => /^chunk_\d+\.wav$/.test(name))
        .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
    } catch {
      // Not this business.
    }
  }
  return [];
}

/**
 * Searches texts the page collected for the relay's secrets: the sentinel client secret and API key, the relay's
 * signing secret, and every token the service gave the relay. Returns which kinds were found (never the values) and
 * how much was searched, so the page never holds a secret even to look for it.
 */
export function findSecrets(texts: string[]): { found: string[]; secretsSearched: number; tokensSearched: number; charactersSearched: number } {
  const { relayTokens } = harness();
  const secrets: [string, string][] = [
    ['client secret', SENTINEL_SECRET],
    ['api key', SENTINEL_API_KEY],
    ['relay secret', RELAY_SECRET],
    ...[...relayTokens].map((token, i): [string, string] => [`service token ${i}`, token]),
  ];
  const found = secrets.filter(([, value]) => texts.some((text) => text.includes(value))).map(([kind]) => kind);
  return { found, secretsSearched: secrets.length, tokensSearched: relayTokens.size, charactersSearched: texts.reduce((sum, text) => sum + text.length, 0) };
}
