import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AccountDirectory, resolveAccounts } from './auth/accounts.js';
import { TokenService } from './auth/token-service.js';
import { createRequestListener } from './http/handle-request.js';
import { Router } from './http/router.js';
import { resolveOptions, type ServerOptions } from './options.js';
import { ProcessingPipeline } from './processing/pipeline.js';
import { RateLimiter } from './rate-limit.js';
import { buildRoutes } from './routes.js';
import { sweepExpired, type SessionDependencies } from './sessions/session-access.js';
import { FileLayout } from './store/file-layout.js';
import { SessionStore } from './store/session-store.js';
import { FaultInjector } from './testing/faults.js';
import { RequestLog, type RecordedRequest } from './testing/request-log.js';
import { buildTestRoutes, expireSessionsById } from './testing/test-routes.js';
import { createFaultController, type FaultController } from './testing/fault-controller.js';
import { WebhookDispatcher } from './webhooks/delivery.js';
import { WebhookRegistry } from './webhooks/registry.js';

/** A running server. */
export interface ScribeServer {
  /** Base URL, e.g. `http://127.0.0.1:53117` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The data directory in use (a temporary one when none was given). */
  readonly dataDir: string;
  /** Fault injection (test knobs only; its methods throw otherwise). */
  readonly faults: FaultController;
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

/** Starts the reference server; resolves once it listens. */
export async function startServer(input: ServerOptions = {}): Promise<ScribeServer> {
  const options = resolveOptions(input);
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'scribe-server-')) : resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const layout = new FileLayout(dataDir);
  const accounts = new AccountDirectory(await resolveAccounts(options.accounts, layout.accountsFile, options.host));
  const tokens = await TokenService.open(layout, { accessSeconds: options.tokenLifetimeSeconds, refreshSeconds: options.refreshTokenLifetimeSeconds }, options.now);
  const registry = await WebhookRegistry.open(layout.webhooksFile);
  const webhooks = new WebhookDispatcher(registry, options.webhooks, options.now, options.log);
  const store = new SessionStore(layout, options.log);
  await store.removeTemporaryFiles();
  await store.load();

  const emit: SessionDependencies['emit'] = (record, event) => webhooks.emit(record.businessId, record.sessionId, event);
  const pipeline = new ProcessingPipeline({
    store,
    engine: options.engine,
    catalogue: options.templates,
    maxChunkSeconds: options.maxChunkSeconds,
    now: options.now,
    emit,
    log: options.log,
  });
  const sessions: SessionDependencies = { options, store, emit, startProcessing: (record) => pipeline.start(record) };
  const faults = options.testKnobs ? new FaultInjector() : undefined;
  const requestLog = options.testKnobs ? new RequestLog() : undefined;
  const closing = new AbortController();
  let address = `${options.host}:${options.port}`;

  const server = createServer(
    createRequestListener({
      options,
      router: new Router(buildRoutes({ options, login: { accounts, tokens }, sessions, webhooks: { registry, now: options.now } })),
      testRouter: faults && requestLog ? new Router(buildTestRoutes({ faults, requestLog, sessions })) : undefined,
      auth: { accounts, tokens, trustJwtPayload: options.trustJwtPayload },
      rateLimiter: options.rateLimit ? new RateLimiter(options.rateLimit.limit, options.rateLimit.windowSeconds, options.now) : undefined,
      faults,
      requestLog,
      closing: closing.signal,
      boundAddress: () => address,
    }),
  );
  const port = await listen(server, options.port, options.host);
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  address = `${urlHost}:${port}`;

  await sweepExpired(sessions);
  for (const record of store.all()) {
    if (record.status === 'processing') {
      options.log(`resuming processing of ${record.sessionId}`);
      pipeline.start(record);
    }
  }
  const sweeper = setInterval(() => void sweepExpired(sessions).catch((error: unknown) => options.log(`expiry sweep failed: ${String(error)}`)), options.expirySweepMs);
  sweeper.unref();

  let closed: Promise<void> | undefined;
  const requireKnobs = (name: string) => {
    if (!options.testKnobs) throw new Error(`${name} is a test knob: start the server with testKnobs: true`);
  };
  return {
    url: `http://${address}`,
    port,
    host: options.host,
    dataDir,
    faults: createFaultController(faults),
    get requests() {
      return requestLog?.all() ?? [];
    },
    clearRequests: () => requestLog?.clear(),
    expireSession: async (sessionId) => {
      requireKnobs('expireSession');
      return expireSessionsById(sessions, sessionId);
    },
    idle: async () => {
      await pipeline.idle();
      await webhooks.idle();
    },
    close: () => {
      closed ??= (async () => {
        closing.abort();
        clearInterval(sweeper);
        await stopListening(server);
        await pipeline.close();
        webhooks.close();
        await store.drain();
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
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
