import { DEV_ACCOUNT, selectEngine, startServer } from '@scribe/server';
import type { ScribeClientOptions, SessionResult } from '@scribe/node';

/** Options of `runDemo`. */
export interface DemoOptions {
  /** How to print a result when `--json` is not on the command line. */
  print: (result: SessionResult) => void;
  /** Give the server the real engine (pocketsphinx when installed) instead of none. Default true. */
  engine?: boolean;
}

/**
 * Runs an example against a local @scribe/server on 127.0.0.1: starts it, calls `job` with client options for the
 * server's development account (and the two note templates), prints the result (raw JSON with `--json`), and closes
 * the server however the job ends.
 */
export async function runDemo(job: (client: ScribeClientOptions) => Promise<SessionResult>, options: DemoOptions): Promise<void> {
  const selected = options.engine === false ? undefined : selectEngine();
  const server = await startServer({ port: 0, engine: selected?.engine });
  console.log(`local scribe server on ${server.url}${selected ? ` (engine: ${selected.description})` : ''}\n`);
  try {
    const result = await job({
      baseUrl: server.url,
      authBaseUrl: server.url,
      clientId: DEV_ACCOUNT.clientId,
      clientSecret: DEV_ACCOUNT.clientSecret,
      defaultTemplates: ['clinical_notes_template', 'eka_emr_template'],
      dotEnv: false,
    });
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    else options.print(result);
  } finally {
    await server.close();
  }
}
