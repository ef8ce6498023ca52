import { describe, expect, it } from 'vitest';
import { AuthError } from '@scribe/node';
import { isolatedClient, TEST_TEMPLATES } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { templateDocument } from '../support/test-engine';
import { chunkNames, makeWavChunks } from '../support/wav-fixtures';

describe('[#12][#20] dev direct mode (jwt-payload)', () => {
  it('a full lifecycle with the jwt-payload header on every call and no login; templates in list form', async () => {
    const t = await startTestServer({ trustJwtPayload: true });
    const client = isolatedClient(t, { baseUrl: t.url, jwtPayload: { 'b-id': 'b_local_dev', iss: 'dev' } });

    const session = await client.createSession();
    await client.uploadChunks(session.sessionId, makeWavChunks(2));
    const result = await client.waitForResults(session.sessionId);

    expect(result.status).toBe('completed');
    expect(result.audioFiles).toEqual(chunkNames(2));
    expect(result.templates).toEqual(TEST_TEMPLATES.map((id) => ({ [id]: { status: 'success', data: templateDocument(id) } })));
    expect(client.businessId()).toBe('b_local_dev');
    expect(t.requests(/connect-auth/)).toHaveLength(0);
    const protocol = t.requests(/^\/v1\/(sessions|templates)/);
    expect(protocol.length).toBeGreaterThan(3);
    for (const request of protocol) {
      expect(request.headers['jwt-payload']).toBe('[redacted]');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.auth).toMatchObject({ kind: 'jwt-payload', businessId: 'b_local_dev' });
    }
  });

  it('a 401 is final in this mode (nothing to renew): AuthError after one request', async () => {
    const t = await startTestServer({ trustJwtPayload: false });
    const client = isolatedClient(t, { baseUrl: t.url, jwtPayload: '{"b-id":"b_local_dev"}' });

    await expect(client.templates.list()).rejects.toBeInstanceOf(AuthError);
    expect(t.server.requests).toHaveLength(1);
  });
});
