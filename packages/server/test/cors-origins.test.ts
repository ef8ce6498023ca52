import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseCommandLine } from '../src/cli-arguments.js';
import { normaliseOrigin } from '../src/http/cors.js';
import { KEY_HEADERS, startTestServer } from './helpers/harness.js';
import { createStreamSession } from './stream/stream-client.js';

const APP = 'http://app.test:5173';
const OTHER = 'https://evil.test';

/** Opens a socket with an `Origin` header; resolves with the handshake outcome (`open`, or the HTTP status refused with). */
function handshake(url: string, origin: string | undefined): Promise<{ outcome: 'open' } | { outcome: 'refused'; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => {
      ws.terminate();
      resolve({ outcome: 'open' });
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ outcome: 'refused', status: response.statusCode ?? 0, body }));
    });
    ws.once('error', (error) => reject(error));
  });
}

describe('--cors-origin: only listed browser origins, for HTTP and WebSocket', () => {
  it('listed: a listed origin gets its own origin echoed with Vary: Origin; another gets no CORS headers at all', async () => {
    const t = await startTestServer({ corsOrigins: [APP, 'https://second.test'] });
    const preflight = await t.call('OPTIONS', '/v1/sessions', { headers: { Origin: APP, 'Access-Control-Request-Method': 'POST' }, validate: false });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(preflight.headers.get('vary')).toBe('Origin');

    const refused = await t.call('OPTIONS', '/v1/sessions', { headers: { Origin: OTHER, 'Access-Control-Request-Method': 'POST' }, validate: false });
    for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-expose-headers']) {
      expect(refused.headers.get(name), name).toBeNull();
    }
    expect(refused.headers.get('vary')).toBe('Origin');

    const listed = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, Origin: 'https://second.test' } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://second.test');
    expect(listed.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const other = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, Origin: OTHER } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Without an Origin header (a server-side caller) nothing is allowed either: there is nothing to echo.
    const none = await t.call('GET', '/v1/templates', { headers: KEY_HEADERS });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    expect(t.server.cors).toBe('CORS: only http://app.test:5173, https://second.test (HTTP and WebSocket origins)');
  });

  it('listed: a stream upgrade from another origin is refused with 403 before the handshake; listed and Origin-less ones open', async () => {
    const t = await startTestServer({ corsOrigins: [APP] });
    const { url } = await createStreamSession(t);
    const refused = await handshake(url, OTHER);
    expect(refused).toMatchObject({ outcome: 'refused', status: 403 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: { code: 'forbidden' } });
    expect(await handshake(url, APP)).toEqual({ outcome: 'open' });
    expect(await handshake(url, undefined)).toEqual({ outcome: 'open' });
    // Origins compare after normalisation, as browsers send them (lower case, no default port).
    expect(await handshake(url, 'HTTP://APP.TEST:5173')).toEqual({ outcome: 'open' });
  });

  it('not configured: today\'s behaviour, any origin (*) for HTTP and WebSocket, and the start-up line says so', async () => {
    const lines: string[] = [];
    const t = await startTestServer({ log: (line) => lines.push(line) });
    const response = await t.call('GET', '/v1/templates', { headers: { ...KEY_HEADERS, Origin: OTHER } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('vary')).toBeNull();
    const { url } = await createStreamSession(t);
    expect(await handshake(url, OTHER)).toEqual({ outcome: 'open' });
    expect(lines.find((line) => line.startsWith('listening on'))).toContain('CORS: any origin');
  });

  it('the flag is repeatable, the variable is comma-separated, the flag wins; bad origins are refused at start-up', async () => {
    expect(await parseCommandLine(['--cors-origin', APP, '--cors-origin', OTHER], {})).toMatchObject({ corsOrigins: [APP, OTHER] });
    expect(await parseCommandLine([], { SCRIBE_SERVER_CORS_ORIGINS: `${APP}, ${OTHER}` })).toMatchObject({ corsOrigins: [APP, OTHER] });
    expect(await parseCommandLine(['--cors-origin', APP], { SCRIBE_SERVER_CORS_ORIGINS: OTHER })).toMatchObject({ corsOrigins: [APP] });
    expect((await parseCommandLine([], {})) as object).toMatchObject({ corsOrigins: undefined });
    expect(normaliseOrigin('https://App.Test:443')).toBe('https://app.test');
    for (const bad of ['app.test', 'https://app.test/path', 'ftp://app.test', '*', 'https://user@app.test']) {
      expect(() => normaliseOrigin(bad), bad).toThrow(TypeError);
    }
    await expect(startTestServer({ corsOrigins: ['https://app.test/x'] })).rejects.toThrow(/--cors-origin/);
  });
});
