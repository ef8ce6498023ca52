import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkUploadError, ScribeError, type ScribeClient } from '@scribe/node';
import { FIXTURES, storedChunks } from '../upload-audio/support/upload-test-helpers';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, isolatedClient } from '../support/client-factory';
import { startFaultProxy, type FaultProxy, type ProxyFault } from '../support/fault-proxy';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTempDirectory } from '../support/temp-directory';
import { speechPcm } from '../stream/stream-support';
import { storedStreamLog } from './stored-stream-log';

// Fault matrix (issue 11, "How it is checked"): every transport crossed with every network fault, through a TCP relay
// between the client and a real scribe-server child process. Every cell must end with all speech stored once and in
// order, or with a typed error and the audio kept for a resume. `pnpm -F @scribe/node exec vitest run
// test/reliability/fault-matrix.test.ts` prints the table that docs/benchmarks.md ("Reliability") shows.

const SPEECH_WAV = join(FIXTURES, 'speech.wav');
/** Short chunks, so 8 s of speech makes several uploads and a fault lands between and inside them. */
const CHUNKING = { preferredChunkSeconds: 2, maxChunkSeconds: 4 };
/** Past the login and discovery exchanges: the fault falls on audio (a chunk body, the stream). */
const AUDIO_BYTES = 24_000;
const OUTAGE_MS = 1500;
const STALL_MS = 2500;

type Transport = 'live chunks (session + queueDir)' | 'file upload (uploadAudioFile)' | 'stream (openStream)';
const TRANSPORTS: Transport[] = ['live chunks (session + queueDir)', 'file upload (uploadAudioFile)', 'stream (openStream)'];

const FAULTS: { name: string; fault: ProxyFault }[] = [
  { name: 'none (baseline)', fault: { kind: 'none' } },
  { name: 'connection reset mid-body', fault: { kind: 'reset', afterBytes: AUDIO_BYTES, times: 2 } },
  { name: 'added latency 40 ms each way', fault: { kind: 'latency', ms: 40 } },
  { name: `stalled reads ${STALL_MS / 1000} s`, fault: { kind: 'stall', afterBytes: AUDIO_BYTES, ms: STALL_MS } },
  { name: `server kill -9 + restart (${OUTAGE_MS / 1000} s down)`, fault: { kind: 'freeze', afterBytes: AUDIO_BYTES } },
];

interface Cell {
  transport: Transport;
  fault: string;
  outcome: string;
  ms: number;
}
const table: Cell[] = [];
/** The chunks a fault-free run stored, per chunked transport: what every faulted cell must store too. */
const baseline = new Map<Transport, Uint8Array[]>();

afterAll(() => {
  const rows = table.map((cell) => `| ${cell.transport} | ${cell.fault} | ${cell.outcome} | ${(cell.ms / 1000).toFixed(1)} s |`);
  console.log(['| transport | fault | outcome | time |', '| --- | --- | --- | --- |', ...rows].join('\n'));
});

function clientThrough(proxy: FaultProxy, options: { queueDir?: string; requestTimeout?: number } = {}): ScribeClient {
  // A 1 s request timeout, so a stalled upload is given up and retried rather than waited out.
  return isolatedClient(undefined, { baseUrl: proxy.url, authBaseUrl: proxy.url, clientId: DEV_CLIENT_ID, clientSecret: DEV_CLIENT_SECRET, requestTimeout: 1, ...options });
}

/** Kills and restarts the server when a `freeze` fault trips: the relay holds the traffic until the server is gone. */
async function outageOnTrip(proxy: FaultProxy, server: ServerProcess, fault: ProxyFault): Promise<boolean> {
  if (fault.kind !== 'freeze') return false;
  await proxy.tripped;
  await server.kill();
  proxy.release();
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await server.restart();
  return true;
}

/** `.chunk` files left in a queue directory (createFileChunkStore's layout). */
function queuedChunkFiles(queueDir: string): number {
  const sessions = join(queueDir, 'sessions');
  try {
    return readdirSync(sessions, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readdirSync(join(sessions, entry.name)).filter((name) => name.endsWith('.chunk'))).length;
  } catch {
    return 0;
  }
}

/** All chunks stored once, in order, equal to the baseline's (which this run sets when it is the baseline). */
function expectChunksStored(transport: Transport, dataDir: string, sessionId: string, isBaseline: boolean): number {
  const stored = storedChunks(dataDir, sessionId);
  expect(stored.map((chunk) => chunk.name)).toEqual(stored.map((_, index) => `chunk_${index}.wav`));
  if (isBaseline) baseline.set(transport, stored.map((chunk) => chunk.bytes));
  const expected = baseline.get(transport);
  expect(expected, 'the baseline cell runs first').toBeDefined();
  expect(stored.length).toBe(expected!.length);
  stored.forEach((chunk, index) => expect(Buffer.compare(Buffer.from(chunk.bytes), Buffer.from(expected![index]!)), chunk.name).toBe(0));
  return stored.length;
}

async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (caught: unknown) => caught);
}

async function liveChunksCell(server: ServerProcess, proxy: FaultProxy, fault: ProxyFault, isBaseline: boolean): Promise<string> {
  const queueDir = createTempDirectory();
  const client = clientThrough(proxy, { queueDir });
  const session = client.session({ audio: { file: SPEECH_WAV }, speech: { chunking: CHUNKING }, queue: { retry: { initialDelayMs: 100, maxDelayMs: 800 } } });
  const outage = outageOnTrip(proxy, server, fault);
  const failure = await settle(session.start().then(() => session.result()));
  await (fault.kind === 'freeze' ? outage : undefined);
  const id = session.sessionId!;
  const { activity } = session.getSnapshot();
  if (failure !== undefined) {
    expect(ScribeError.is(failure), String(failure)).toBe(true);
    const kept = queuedChunkFiles(queueDir);
    expect(kept).toBe(activity.chunksCut - activity.chunksAcknowledged);
    expect(kept).toBeGreaterThan(0);
    return `typed error ${(failure as ScribeError).code}; ${kept} chunks kept in queueDir`;
  }
  const count = expectChunksStored('live chunks (session + queueDir)', server.dataDir, id, isBaseline);
  expect(activity.chunksAcknowledged).toBe(count);
  expect(queuedChunkFiles(queueDir)).toBe(0);
  return `stored once, in order (${count} chunks)`;
}

async function fileUploadCell(server: ServerProcess, proxy: FaultProxy, fault: ProxyFault, isBaseline: boolean): Promise<string> {
  const client = clientThrough(proxy);
  const outage = outageOnTrip(proxy, server, fault);
  // Created before the fault can trip: the fault falls on the upload.
  const { sessionId } = await client.createSession();
  const failure = await settle(client.uploadAudioFile(sessionId, SPEECH_WAV, { chunking: CHUNKING }));
  await (fault.kind === 'freeze' ? outage : undefined);
  if (failure !== undefined) {
    // The file is the audio kept: what is stored is an in-order prefix, and the error says where to resume.
    expect(ChunkUploadError.is(failure), String(failure)).toBe(true);
    const { code, resumeIndex, skipChunks } = failure as ChunkUploadError;
    const held = storedChunks(server.dataDir, sessionId);
    held.forEach((chunk, index) => expect(Buffer.compare(Buffer.from(chunk.bytes), Buffer.from(baseline.get('file upload (uploadAudioFile)')![index]!))).toBe(0));
    expect({ resumeIndex, skipChunks }).toEqual({ resumeIndex: held.length, skipChunks: held.length });
    await client.uploadAudioFile(sessionId, SPEECH_WAV, { chunking: CHUNKING, startIndex: resumeIndex, skipChunks });
    const count = expectChunksStored('file upload (uploadAudioFile)', server.dataDir, sessionId, false);
    return `typed error ${code} (retries spent while down, ${held.length} held); resumed with startIndex/skipChunks: stored once, in order (${count} chunks)`;
  }
  const count = expectChunksStored('file upload (uploadAudioFile)', server.dataDir, sessionId, isBaseline);
  return `stored once, in order (${count} chunks)`;
}

async function streamCell(server: ServerProcess, proxy: FaultProxy, fault: ProxyFault): Promise<string> {
  // A stream's stall is on its socket (no HTTP request to time out); the end call cuts the stream log into chunks with
  // Silero, which a freshly restarted server loads first, so it gets the default timeout.
  const client = clientThrough(proxy, { requestTimeout: 60 });
  const pcm = await speechPcm();
  const stream = await client.openStream({ reconnect: { initialDelayMs: 100, maxDelayMs: 800 } });
  const outage = outageOnTrip(proxy, server, fault);
  const sent = await settle(stream.sendPcm(pcm, { pace: 'fast' }));
  await (fault.kind === 'freeze' ? outage : undefined);
  const failure = sent ?? (await settle(stream.stop()));
  if (failure !== undefined) {
    const error = sent === undefined ? failure : await settle(stream.stop());
    expect(error).toMatchObject({ code: 'stream_incomplete' });
    return `typed error stream_incomplete (${(error as ScribeError).details?.bytes_undelivered} bytes undelivered); session left open`;
  }
  const stored = await storedStreamLog(server.dataDir, stream.sessionId);
  expect(stored.length).toBe(pcm.length);
  expect(Buffer.compare(Buffer.from(stored), Buffer.from(pcm))).toBe(0);
  const { reconnects } = stream.getSnapshot();
  return `stored once, in order (${pcm.length} bytes${reconnects > 0 ? `, ${reconnects} reconnect${reconnects > 1 ? 's' : ''}` : ''})`;
}

describe.each(TRANSPORTS)('[issue 11] fault matrix: %s', (transport) => {
  it.each(FAULTS)('$name', async ({ name, fault }) => {
    const started = performance.now();
    const server = await startServerProcess(['--long-poll', '0']);
    const proxy = await startFaultProxy(server.url, fault);
    try {
      const isBaseline = fault.kind === 'none';
      const outcome =
        transport === 'stream (openStream)'
          ? await streamCell(server, proxy, fault)
          : transport === 'file upload (uploadAudioFile)'
            ? await fileUploadCell(server, proxy, fault, isBaseline)
            : await liveChunksCell(server, proxy, fault, isBaseline);
      if (fault.kind === 'reset') expect(proxy.resets).toBeGreaterThan(0);
      if (fault.kind === 'stall') expect(proxy.stalls).toBe(1);
      table.push({ transport, fault: name, outcome, ms: performance.now() - started });
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
