import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, onTestFinished } from 'vitest';
import { createNoCredentialsAuth, createScribeCore, resolveConfig, type ScribeCore } from '@scribe/core';
import { createNodeWebSocket, createScribeRelay, toNodeHandler, type ScribeClient, type ScribeRelayOptions } from '@scribe/node';
import { createCapturingLogger, type CapturingLogger } from '../support/capturing-logger';
import { isolatedClient, TEST_TEMPLATES } from '../support/client-factory';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/start-test-server';

/** The client secret of the relay's service account: it must never reach a browser. */
export const SENTINEL_SECRET = 'SENTINEL-client-secret-7f3a9c1e5b2d4f60';
/** The service account's API key (sent in the login body): never in a browser either. */
export const SENTINEL_API_KEY = 'sk_SENTINEL_api_key_0b1c2d3e4f';
/** The relay's signing secret (32+ bytes). */
export const RELAY_SECRET = 'relay-secret-SENTINEL-0123456789abcdef0123456789';
/** Where the relays of these tests are mounted. */
export const MOUNT = '/api/scribe';
/** The header the test app authenticates its users by (a stand-in for the app's session cookie). */
export const USER_HEADER = 'x-test-user';

/** One answer a "browser" received from a relay, kept for the secret search. */
export interface BrowserExchange {
  method: string;
  url: string;
  status: number;
  headers: [string, string][];
  text: string;
}

/** A reference server, the relay's service account on it, and everything the test's browsers saw. */
export interface RelayHarness {
  t: TestServer;
  /** Every answer any browser of this harness received. */
  seen: BrowserExchange[];
  /** The relays' log lines. */
  logger: CapturingLogger;
  /** A ScribeClient with the sentinel credentials (one per relay instance, as on separate machines). */
  serviceClient(options?: Parameters<typeof isolatedClient>[1]): ScribeClient;
  /** Starts a relay on 127.0.0.1 through `toNodeHandler`; resolves with its URL R (`http://127.0.0.1:PORT/api/scribe`). */
  startRelay(options?: Partial<ScribeRelayOptions>): Promise<string>;
  /** A browser-like fetch for `user` (undefined: signed out) that records every answer. */
  browserFetch(user: string | undefined): typeof fetch;
  /** Plain core in relay mode, as @scribe/browser runs it: eka dialect, base URL R, no credentials. */
  browserCore(relayUrl: string, user: string | undefined): ScribeCore;
}

/**
 * Starts the real reference server with one account whose secrets are sentinels. When the test finishes, every
 * answer a browser saw (bodies and headers) and every relay log line are searched for those secrets, the relay
 * secret and the service's access tokens: finding one fails the test.
 */
export async function startRelayHarness(serverOptions: TestServerOptions = {}): Promise<RelayHarness> {
  const t = await startTestServer({
    accounts: [{ clientId: 'relay-service', clientSecret: SENTINEL_SECRET, businessId: 'b_relay', apiKeys: [SENTINEL_API_KEY] }],
    ...serverOptions,
  });
  const seen: BrowserExchange[] = [];
  const pending: Promise<void>[] = [];
  const logger = createCapturingLogger();
  onTestFinished(async () => {
    await Promise.all(pending);
    const tokens = (await t.exchanges()).filter((exchange) => /\/connect-auth\//.test(exchange.url)).flatMap((exchange) => {
      const body = JSON.parse(exchange.text || '{}') as Record<string, unknown>;
      return [body.access_token, body.refresh_token].filter((value): value is string => typeof value === 'string');
    });
    const secrets = [SENTINEL_SECRET, SENTINEL_API_KEY, RELAY_SECRET, ...tokens];
    const everything = [...seen.map((exchange) => `${exchange.text}\n${exchange.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}`), ...logger.lines];
    for (const secret of secrets) expect(everything.filter((text) => text.includes(secret)), 'a secret reached a browser or the log').toEqual([]);
  });

  const serviceClient: RelayHarness['serviceClient'] = (options = {}) =>
    isolatedClient(t, { baseUrl: t.url, authBaseUrl: t.url, clientId: 'relay-service', clientSecret: SENTINEL_SECRET, apiKey: SENTINEL_API_KEY, ...options });

  const startRelay: RelayHarness['startRelay'] = async (options = {}) => {
    const handler = createScribeRelay({
      ...(options.clientOptions ? {} : { client: serviceClient() }),
      secret: RELAY_SECRET,
      authorize: (request) => {
        const user = request.headers.get(USER_HEADER);
        return user ? { userId: user } : null;
      },
      basePath: MOUNT,
      logger,
      ...options,
    });
    const server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => closeServer(server));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}`;
  };

  const browserFetch: RelayHarness['browserFetch'] = (user) => async (input, init) => {
    const request = new Request(input, init);
    if (user !== undefined) request.headers.set(USER_HEADER, user);
    const response = await globalThis.fetch(request);
    const copy = response.clone();
    pending.push(
      copy.text().then(
        (text) => void seen.push({ method: request.method, url: request.url, status: response.status, headers: [...response.headers], text }),
        () => undefined,
      ),
    );
    return response;
  };

  const browserCore: RelayHarness['browserCore'] = (relayUrl, user) => {
    const core = createScribeCore({
      config: resolveConfig({ explicit: { dialect: 'eka', baseUrl: relayUrl, defaultTemplates: TEST_TEMPLATES } }),
      auth: createNoCredentialsAuth(),
      fetch: browserFetch(user),
      userAgent: '',
      createWebSocket: createNodeWebSocket,
    });
    onTestFinished(() => core.close());
    return core;
  };

  return { t, seen, logger, serviceClient, startRelay, browserFetch, browserCore };
}

/** A request body: what fetch takes, or bytes of any buffer. */
export type RelayBody = BodyInit | Uint8Array;

/** Sends one raw request to a relay as `user` and reads the JSON answer. */
export async function relayCall(h: RelayHarness, user: string | undefined, method: string, url: string, body?: RelayBody, headers: Record<string, string> = {}) {
  const response = await h.browserFetch(user)(url, { method, body: body as BodyInit | undefined, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as { error?: { code: string; message: string; details?: Record<string, unknown> } } & Record<string, unknown> };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
