import { DEV_ACCOUNT, startServer, type ScribeServer } from '@scribe/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSession, SAMPLE_RECORDING } from '../index';

let server: ScribeServer;
beforeAll(async () => {
  server = await startServer({ port: 0 }); // the default max_speed (8x): a streamed file must be paced under it
});
afterAll(async () => {
  await server?.close();
});

const options = () => ({
  baseUrl: server.url,
  authBaseUrl: server.url,
  clientId: DEV_ACCOUNT.clientId,
  clientSecret: DEV_ACCOUNT.clientSecret,
  defaultTemplates: ['clinical_notes_template'],
  dotEnv: false,
});

/** Runs the example with console.log captured. */
async function captured(transport: 'chunks' | 'stream') {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    return { result: await runSession(SAMPLE_RECORDING, options(), transport), lines };
  } finally {
    console.log = log;
  }
}

describe('the session controller example', () => {
  it('chunks: prints the status line as it changes, from creating to a final result, with chunks counted', { timeout: 60_000 }, async () => {
    const { result, lines } = await captured('chunks');
    expect(lines[0]).toMatch(/^creating /);
    // The first chunk is cut while the file is still being read.
    expect(lines.some((line) => /^recording .* chunks \d+\/[1-9]\d* uploaded/.test(line))).toBe(true);
    // startServer() from code has no transcriber: the session ends with a per-template error saying so.
    expect(['failed', 'partial']).toContain(result.status);
    expect(lines.at(-1)).toMatch(new RegExp(`^${result.status} +22\\.7 s audio, \\d+\\.\\d s speech, chunks (\\d+)/\\1 uploaded$`));
  });

  it('stream: the socket appears in the line and the whole recording is stored', { timeout: 60_000 }, async () => {
    const { lines } = await captured('stream');
    expect(lines.some((line) => line.includes('socket open'))).toBe(true);
    expect(lines.at(-1)).toMatch(/socket closed, 22\.7 s stored$/);
  });
});
