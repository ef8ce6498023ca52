#!/usr/bin/env node
import { parseCommandLine, USAGE } from './cli-arguments.js';
import { describeJwtPayloadTrust, ON_PREM_DESCRIPTION, startServer } from './server.js';
import { SERVER_VERSION } from './version.js';

async function main(): Promise<void> {
  let parsed: Awaited<ReturnType<typeof parseCommandLine>>;
  try {
    parsed = await parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`scribe-server: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === 'help') return void process.stdout.write(USAGE);
  if (parsed === 'version') return void process.stdout.write(`${SERVER_VERSION}\n`);
  const server = await startServer(parsed);
  process.stdout.write(`scribe-server listening on ${server.url} (data: ${server.dataDir}; ${server.onPrem ? `${ON_PREM_DESCRIPTION}; ` : ''}${describeJwtPayloadTrust(server.trustJwtPayload)}; ${server.cors})\n`);
  if (parsed.engineDescription) process.stdout.write(`engine: ${parsed.engineDescription}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`scribe-server: ${signal}, closing\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`scribe-server: ${(error as Error).message}`);
  process.exit(1);
});
