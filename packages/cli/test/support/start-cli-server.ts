import { onTestFinished } from 'vitest';
import { DEV_ACCOUNT, selectEngine, startServer, type Engine, type RecordedRequest, type ScribeServer } from '@scribe/server';

/** The template every CLI test asks for (the rule-based extractor writes a SOAP note for it). */
export const CLI_TEST_TEMPLATE = 'clinical_notes_template';

/** A real reference server for one test. */
export interface CliTestServer {
  /** The running server, fault injection on. */
  readonly server: ScribeServer;
  /** Its origin, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Requests the server recorded, optionally only those whose path matches and with this method. */
  requests(path?: RegExp, method?: string): RecordedRequest[];
  /** A `.env` for the CLI's working directory: this server, the dev account and the test template. */
  dotEnv(overrides?: Record<string, string>): string;
}

/** Options of {@link startCliServer}. */
export interface CliServerOptions {
  /** Transcription and extraction. Default: the server's local engine (pocketsphinx + rule-based notes), as `scribe-server` runs. */
  engine?: Engine;
}

/** Starts the real reference server on an ephemeral 127.0.0.1 port, closed when the test finishes. */
export async function startCliServer(options: CliServerOptions = {}): Promise<CliTestServer> {
  const engine = options.engine ?? selectEngine({ transcriber: 'pocketsphinx' }).engine;
  const server = await startServer({ port: 0, longPollSeconds: 5, engine, testKnobs: true });
  onTestFinished(() => server.close());
  return {
    server,
    url: server.url,
    requests: (path, method) =>
      server.requests.filter((request) => (path === undefined || path.test(request.path)) && (method === undefined || request.method === method.toUpperCase())),
    dotEnv(overrides = {}) {
      const values = {
        SCRIBE_BASE_URL: server.url,
        SCRIBE_CLIENT_ID: DEV_ACCOUNT.clientId,
        SCRIBE_CLIENT_SECRET: DEV_ACCOUNT.clientSecret,
        SCRIBE_DEFAULT_TEMPLATES: CLI_TEST_TEMPLATE,
        ...overrides,
      };
      return Object.entries(values)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n');
    },
  };
}

/**
 * A quick engine for tests about the CLI's own behaviour (exit codes, the bar): a fixed transcript and a small note
 * per template, so no recogniser run is waited for. The round-trip test uses the real local engine.
 */
export function createFixedEngine(): Engine {
  return {
    async transcribe() {
      return { text: 'Patient reports a cough for three days. No fever.', language: 'en' };
    },
    async extract(input) {
      return { status: 'success', data: { template: input.templateId, subjective: 'Cough for 3 days. Denies fever.' } };
    },
  };
}
