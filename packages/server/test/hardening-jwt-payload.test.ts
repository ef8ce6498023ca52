import { describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../src/cli-arguments.js';
import { startServer } from '../src/index.js';
import { createSession, startTestServer, temporaryDataDir } from './helpers/harness.js';

// Issue 11 item 1: the `jwt-payload` header lets anyone claim any business, so it is trusted only on request.
const OTHER = { 'jwt-payload': '{"b-id":"b_local_dev"}' };

describe('jwt-payload is trusted only when the operator asks (issue 11 #1)', () => {
  it('by default a jwt-payload header is refused: no reading, ending or listing webhooks of another business', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    const attempts = [
      await t.call('GET', `/v1/sessions/${id}`, { headers: OTHER }),
      await t.call('POST', `/v1/sessions/${id}/end`, { headers: OTHER, json: { audio_files_sent: 0 } }),
      await t.call('GET', '/v1/webhooks', { headers: OTHER }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: 'authentication_failed', details: { reason: 'jwt_payload_disabled' } });
    }
    expect(t.server.trustJwtPayload).toBe(false);
  });

  it('untrusted jwt-payload requests mint no rate-limit bucket per claimed b-id: they never reach the limiter', async () => {
    const t = await startTestServer({ rateLimit: { limit: 2, windowSeconds: 60 } });
    for (let index = 0; index < 5; index += 1) {
      const response = await t.call('POST', '/v1/sessions', { headers: { 'jwt-payload': `{"b-id":"b_claimed_${index}"}` }, json: { templates: ['soap'] } });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('trustJwtPayload: true accepts it on a loopback bind without configured accounts', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    expect((await t.call('GET', '/v1/templates', { headers: OTHER })).status).toBe(200);
    expect(t.server.trustJwtPayload).toBe(true);
  });

  it('trustJwtPayload with configured accounts, an accounts file or a non-loopback bind is refused at start-up', async () => {
    const accounts = [{ clientId: 'a', clientSecret: 'a', businessId: 'b_a', apiKeys: ['key_a'] }];
    await expect(startServer({ trustJwtPayload: true, accounts })).rejects.toThrow(/jwt-payload.*accounts/i);
    await expect(startServer({ trustJwtPayload: true, host: '0.0.0.0' })).rejects.toThrow(/jwt-payload.*loopback/i);
    const dataDir = await temporaryDataDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dataDir}/accounts.json`, JSON.stringify([{ client_id: 'a', client_secret: 'a', business_id: 'b_a' }]));
    await expect(startServer({ trustJwtPayload: true, dataDir })).rejects.toThrow(/jwt-payload.*accounts/i);
  });

  it('the start-up log line says whether jwt-payload is trusted', async () => {
    for (const trustJwtPayload of [false, true]) {
      const lines: string[] = [];
      const server = await startServer({ trustJwtPayload, log: (line) => lines.push(line) });
      await server.close();
      const startup = lines.find((line) => line.startsWith('listening on'));
      expect(startup).toContain(server.url);
      expect(startup).toMatch(trustJwtPayload ? /jwt-payload header trusted/ : /jwt-payload header not trusted/);
    }
  });

  it('the CLI logs to stderr but leaves out the log\'s start-up line, which it prints once on stdout itself', async () => {
    const parsed = await parseCommandLine([], {});
    if (typeof parsed === 'string') throw new Error(`unexpected ${parsed}`);
    const written: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void written.push(args));
    try {
      parsed.log?.('listening on http://127.0.0.1:1 (data: /tmp/x); jwt-payload header not trusted');
      parsed.log?.('session s_1 completed');
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([['[scribe-server] session s_1 completed']]);
  });

  it('the CLI turns it on with --trust-jwt-payload or SCRIBE_SERVER_TRUST_JWT_PAYLOAD=1, and is off otherwise', async () => {
    expect(await parseCommandLine([], {})).toMatchObject({ trustJwtPayload: false });
    expect(await parseCommandLine(['--trust-jwt-payload'], {})).toMatchObject({ trustJwtPayload: true });
    expect(await parseCommandLine([], { SCRIBE_SERVER_TRUST_JWT_PAYLOAD: '1' })).toMatchObject({ trustJwtPayload: true });
    expect(await parseCommandLine(['--no-jwt-payload'], { SCRIBE_SERVER_TRUST_JWT_PAYLOAD: '1' })).toMatchObject({ trustJwtPayload: false });
    await expect(parseCommandLine(['--trust-jwt-payload', '--no-jwt-payload'], {})).rejects.toThrow(/--trust-jwt-payload/);
  });
});
