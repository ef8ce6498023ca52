import { createServer, type Server } from 'node:http';
import { rm } from 'node:fs/promises';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorBody } from './http/responses.js';
import { answerClientError } from './http/client-error.js';
import { createRequestListener } from './http/handle-request.js';
import { Router } from './http/router.js';
import { resolveOptions, type ResolvedOptions, type ServerOptions } from './options.js';
import { RateLimiter } from './rate-limit.js';
import { buildRoutes } from './routes.js';
import { openServerState, resumeAfterRestart, type ServerState } from './server-state.js';
import { sweepExpired } from './sessions/session-access.js';
import { StreamHub } from './stream/stream-hub.js';
import { createStreamFaultController, type StreamFaultController } from './testing/stream-fault-controller.js';
import { StreamFaults } from './testing/stream-faults.js';
import { createFaultController, type FaultController } from './testing/fault-controller.js';
import { FaultInjector } from './testing/faults.js';
import { RequestLog, type RecordedRequest } from './testing/request-log.js';
import { buildTestRoutes, expireSessionsById } from './testing/test-routes.js';

/** A running server. */
export interface ScribeServer {
  /** Base URL, e.g. `http://127.0.0.1:53117` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The data directory in use (a temporary one when none was given). */
  readonly dataDir: string;
  /** Whether the `jwt-payload` dev header is accepted (option `trustJwtPayload`). */
  readonly trustJwtPayload: boolean;
  /** Whether it speaks the self-hosted EkaScribe dialect (option `onPrem`). */
  readonly onPrem: boolean;
  /** Which CORS mode is on, as one line (`any` origin, or only the `corsOrigins` listed, WebSockets included). */
  readonly cors: string;
  /** Fault injection (test knobs only; its methods throw otherwise). */
  readonly faults: FaultController;
  /** Stream socket faults: dropped connections, unanswered stops, stalled reads (test knobs only). */
  readonly streams: StreamFaultController;
  /** Requests received so far, oldest first (test knobs only; empty otherwise). */
  readonly requests: readonly RecordedRequest[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Expires open sessions with this id at once, as if their time were up (test knobs only). Returns how many. */
  expireSession(sessionId: string): Promise<number>;
  /** Resolves when no processing run or webhook delivery (including scheduled retries) is pending. */
  idle(): Promise<void>;
  /** Stops listening, ends long-polls, aborts processing (resumed at next start) and webhook retries. */
  close(): Promise<void>;
}

/** Test-only services, present when `testKnobs` is on. */
interface TestKnobs {
  faults: FaultInjector;
  requestLog: RequestLog;
  streamFaults: StreamFaults;
}

/** Starts the reference server; resolves once it listens. */
export async function startServer(input: ServerOptions = {}): Promise<ScribeServer> {
  const options = resolveOptions(input);
  const state = await openServerState(options);
  const knobs: TestKnobs | undefined = options.testKnobs ? { faults: new FaultInjector(), requestLog: new RequestLog(), streamFaults: new StreamFaults() } : undefined;
  const closing = new AbortController();
  let address = `${options.host}:${options.port}`;
  const streams = new StreamHub({ sessions: state.sessions, dataDir: state.dataDir, settings: options.stream, faults: knobs?.streamFaults, log: options.log });
  const server = createServer(createListener(options, state, streams, knobs, closing.signal, () => address));
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => answerClientError(error, socket, options.cors.headers(undefined)));
  server.on('upgrade', (req, socket, head) => {
    // Browsers always send Origin on a WebSocket handshake and CORS does not cover it: the server must refuse.
    if (!options.cors.allowsUpgrade(req.headers.origin)) return void refuseUpgrade(socket, 403, 'forbidden', 'This origin may not open stream connections (--cors-origin).');
    if (!streams.handleUpgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  const port = await listen(server, options.port, options.host);
  address = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  options.log(`listening on http://${address} (data: ${state.dataDir}); ${options.onPrem ? `${ON_PREM_DESCRIPTION}; ` : ''}${describeJwtPayloadTrust(options.trustJwtPayload)}; ${options.cors.describe()}`);
  await resumeAfterRestart(state, options.log);
  const sweeper = setInterval(() => {
    sweepExpired(state.sessions).catch((error: unknown) => options.log(`expiry sweep failed: ${String(error)}`));
  }, options.expirySweepMs);
  sweeper.unref();

  let closed: Promise<void> | undefined;
  const shutDown = async () => {
    closing.abort();
    clearInterval(sweeper);
    await streams.close();
    await stopListening(server);
    await state.pipeline.close();
    state.webhooks.close();
    await state.store.drain();
    if (state.ownsDataDir) await rm(state.dataDir, { recursive: true, force: true });
  };
  return {
    url: `http://${address}`,
    port,
    host: options.host,
    dataDir: state.dataDir,
    trustJwtPayload: options.trustJwtPayload,
    onPrem: options.onPrem,
    cors: options.cors.describe(),
    faults: createFaultController(knobs?.faults),
    streams: createStreamFaultController(knobs?.streamFaults, streams),
    get requests() {
      return knobs?.requestLog.all() ?? [];
    },
    clearRequests: () => knobs?.requestLog.clear(),
    expireSession: async (sessionId) => {
      if (!knobs) throw new Error('expireSession is a test knob: start the server with testKnobs: true');
      return expireSessionsById(state.sessions, sessionId);
    },
    idle: async () => {
      await state.pipeline.idle();
      await state.webhooks.idle();
    },
    close: () => (closed ??= shutDown()),
  };
}

/** The start-up wording of the `jwt-payload` setting, so an operator sees at once whether anyone can claim a business. */
/** How the start-up line names the self-hosted dialect (`onPrem`). */
export const ON_PREM_DESCRIPTION = 'on-prem: the self-hosted EkaScribe dialect (password login at /connect-auth/v1/login)';

/** How the start-up line names whether the `jwt-payload` dev header is trusted. */
export function describeJwtPayloadTrust(trusted: boolean): string {
  return trusted ? 'jwt-payload header trusted: any caller may act as any business (development only)' : 'jwt-payload header not trusted';
}

function createListener(options: ResolvedOptions, state: ServerState, streams: StreamHub, knobs: TestKnobs | undefined, closing: AbortSignal, boundAddress: () => string) {
  const { accounts, tokens, registry, sessions } = state;
  return createRequestListener({
    options,
    router: new Router(buildRoutes({ options, login: { accounts, tokens }, sessions, webhooks: { registry, now: options.now, allowPrivateTargets: options.webhooks.allowPrivateTargets, maxPerBusiness: options.webhooks.maxPerBusiness }, streams })),
    testRouter: knobs ? new Router(buildTestRoutes({ ...knobs, sessions })) : undefined,
    auth: { accounts, tokens, trustJwtPayload: options.trustJwtPayload, onPrem: options.onPrem },
    rateLimiter: options.rateLimit ? new RateLimiter(options.rateLimit.limit, options.rateLimit.windowSeconds, options.now) : undefined,
    scratchDir: state.layout.tmpDir,
    faults: knobs?.faults,
    requestLog: knobs?.requestLog,
    closing,
    boundAddress,
  });
}

/** Answers an upgrade request with a plain HTTP error envelope and closes the socket, before any handshake. */
function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status} Forbidden\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/** Lets in-flight requests finish (long-polls were just released) for up to 2 s, then cuts what remains. */
function stopListening(server: Server): Promise<void> {
  return new Promise((done) => {
    const force = setTimeout(() => server.closeAllConnections(), 2000);
    server.close(() => {
      clearTimeout(force);
      done();
    });
    server.closeIdleConnections();
  });
}
