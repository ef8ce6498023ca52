// Child process of response-size-memory.test.ts: lists templates from the URL in argv[2] with the default response cap
// and prints the outcome and its peak resident memory (Linux VmHWM) as one JSON line.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { ScribeClient } from '@scribe/node';

const kib = (field) => Number(/^(\d+)/.exec(readFileSync('/proc/self/status', 'utf8').split('\n').find((line) => line.startsWith(`${field}:`))?.split(/\s+/)[1] ?? '0')?.[1] ?? 0);
const client = new ScribeClient({ baseUrl: process.argv[2], getToken: async () => 'token', dotEnv: false, processEnv: {}, maxRetries: 0 });
await client.templates.list().catch(() => undefined); // warm up: the transport and its modules are loaded once
const before = kib('VmHWM');
const error = await client.templates.list().then(() => undefined, (caught) => caught);
await client.close();
process.stdout.write(`${JSON.stringify({ code: error?.code, details: error?.details, peakBeforeKiB: before, peakAfterKiB: kib('VmHWM') })}\n`);
