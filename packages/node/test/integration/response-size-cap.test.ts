import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ScribeClient } from '@scribe/node';

// A hostile or broken service on 127.0.0.1: its answers to the template list never end, or declare a huge body.
async function startHostile(mode: 'endless' | 'declared'): Promise<{ url: string; sent: () => number; server: Server }> {
  let sent = 0;
  const server = createServer((request, response) => {
    if (mode === 'declared') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024 * 1024) });
      response.write('{"templates":[');
      return; // never finishes: the client must not wait for five gigabytes
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!response.destroyed && response.write(piece)) sent += piece.length;
      if (!response.destroyed) response.once('drain', pump);
    };
    request.socket.once('close', () => response.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, server };
}

let running: Server | undefined;
afterEach(async () => {
  running?.closeAllConnections();
  await new Promise((resolve) => running?.close(resolve));
  running = undefined;
});

const clientFor = (url: string, maxResponseBytes?: number) =>
  new ScribeClient({ baseUrl: url, getToken: async () => 'token', dotEnv: false, processEnv: {}, maxRetries: 0, ...(maxResponseBytes ? { maxResponseBytes } : {}) });

describe('response bodies are capped (hardening: a server cannot grow the client without bound)', () => {
  it('an endless 200 body fails with a non-retryable APIError once the limit is passed; reading stops there', async () => {
    const hostile = await startHostile('endless');
    running = hostile.server;
    const client = clientFor(hostile.url, 1024 * 1024);
    const error = await client.templates.list().catch((caught: unknown) => caught);
    await client.close();
    expect(error).toMatchObject({ name: 'APIError', code: 'api_error', retryable: false, details: { max_response_bytes: 1024 * 1024 } });
    expect((error as Error).message).toMatch(/sent more than 1048576 bytes \(reading stopped\).*maxResponseBytes/);
    const received = (error as { details: { received_bytes: number } }).details.received_bytes;
    expect(received).toBeGreaterThan(1024 * 1024);
    expect(received).toBeLessThan(1024 * 1024 + 256 * 1024); // one network read past the limit at most
  });

  it('a declared Content-Length over the default 32 MiB fails before any of it is read', async () => {
    const hostile = await startHostile('declared');
    running = hostile.server;
    const client = clientFor(hostile.url);
    const error = await client.templates.list().catch((caught: unknown) => caught);
    await client.close();
    expect(error).toMatchObject({ name: 'APIError', retryable: false, details: { max_response_bytes: 32 * 1024 * 1024, received_bytes: 0 } });
    expect((error as Error).message).toMatch(/declared a body over the 33554432-byte limit/);
  });

  it('memory stays bounded: a client process reading an endless body under the default 32 MiB cap grows its peak resident memory by less than 128 MiB', async () => {
    const hostile = await startHostile('endless');
    running = hostile.server;
    const child = spawn(process.execPath, [fileURLToPath(new URL('../support/capped-response-child.mjs', import.meta.url)), hostile.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    // Without the cap the child never finishes (it grew by 4.4 GB in 45 s): the test's timeout is the failure then.
    await new Promise((resolve) => child.once('exit', resolve));
    const outcome = JSON.parse(output) as { code: string; details: { max_response_bytes: number }; peakBeforeKiB: number; peakAfterKiB: number };
    expect(outcome.code).toBe('api_error');
    expect(outcome.details.max_response_bytes).toBe(32 * 1024 * 1024);
    const growthMiB = (outcome.peakAfterKiB - outcome.peakBeforeKiB) / 1024;
    console.log(`client peak RSS growth reading an endless body: ${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(128);
  }, 60_000);
});
