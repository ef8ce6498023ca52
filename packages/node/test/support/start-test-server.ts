import { expect, onTestFinished } from 'vitest';
import { startServer, type RecordedRequest, type ScribeServer, type ServerOptions } from '@scribe/server';
import { contractViolations } from './contract-check';
import { createRecordingFetch, type SdkExchange } from './recording-fetch';
import { createTestEngine, type TestEngine } from './test-engine';

/** A reference server for one test, with the SDK's traffic recorded for the contract check. */
export interface TestServer {
  /** The running server (test knobs on). */
  readonly server: ScribeServer;
  /** Its origin, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The engine processing its sessions. */
  readonly engine: TestEngine;
  /** Hand this to the client: it is the real fetch, keeping a copy of every answer. */
  readonly fetch: typeof fetch;
  /** Answers the SDK received so far. */
  exchanges(): Promise<SdkExchange[]>;
  /** Requests the server recorded so far, optionally only those whose path matches. */
  requests(path?: RegExp, method?: string): RecordedRequest[];
}

/** Options of {@link startTestServer}: the server's own, plus the test engine's. */
export interface TestServerOptions extends Omit<ServerOptions, 'engine' | 'testKnobs'> {
  /** Keep sessions in `processing` until `engine.release()`. Default false. */
  holdProcessing?: boolean;
  /**
   * Check the SDK's traffic against the protocol schemas when the test ends. Default true; the on-prem variant turns
   * it off, since its answers (`{items}` lists, `{"detail"}` errors, its login) are deliberately not the contract's.
   */
  contractCheck?: boolean;
}

/**
 * Starts the real reference server on an ephemeral 127.0.0.1 port for the current test. When the test finishes,
 * every request the SDK sent and every answer it got are checked against the protocol schemas (checklist #59,
 * client side): a violation fails the test. Then the server is closed.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { holdProcessing, contractCheck = true, ...serverOptions } = options;
  const engine = createTestEngine({ hold: holdProcessing });
  const server = await startServer({ longPollSeconds: 5, ...serverOptions, engine, testKnobs: true });
  const recording = createRecordingFetch();
  onTestFinished(async () => {
    engine.release();
    try {
      if (contractCheck) expect(contractViolations(server.requests, await recording.exchanges()), 'SDK traffic must satisfy the protocol schemas').toEqual([]);
    } finally {
      await server.close();
    }
  });
  return {
    server,
    url: server.url,
    engine,
    fetch: recording.fetch,
    exchanges: recording.exchanges,
    requests: (path, method) =>
      server.requests.filter((request) => (path === undefined || path.test(request.path)) && (method === undefined || request.method === method.toUpperCase())),
  };
}
