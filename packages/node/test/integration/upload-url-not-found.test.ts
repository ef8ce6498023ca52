import { describe, expect, it } from 'vitest';
import { APIError, ScribeError, SessionNotFoundError } from '@scribe/node';
import { DEV_API_KEY, msaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { makeWavChunks } from '../support/wav-fixtures';

const UPLOAD = '/v1/sessions/[^/]+/audio$';

async function rejection(promise: Promise<unknown>): Promise<ScribeError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(ScribeError.is(error), `expected a ScribeError, got ${String(error)}`).toBe(true);
  return error as ScribeError;
}

describe('[#39][#90] a 404 from the advertised upload_url (issue 14 item 5)', () => {
  it.each([
    { label: 'FastAPI {"detail":"Not Found"}', fault: { kind: 'status' as const, status: 404, body: { detail: 'Not Found' } } },
    { label: 'an HTML page', fault: { kind: 'html' as const, status: 404 } },
  ])('without the envelope ($label) → APIError naming the upload URL as a missing route, not session_not_found', async ({ fault }) => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    const uploadUrl = session.uploadUrl;
    expect(uploadUrl).toBeTruthy();
    t.server.faults.add({ method: 'POST', path: UPLOAD, ...fault });

    const error = await rejection(client.uploadChunk(session.sessionId, { bytes: makeWavChunks(1)[0]!, index: 0 }));

    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(SessionNotFoundError);
    expect(error.code).toBe('api_error');
    expect(error.status).toBe(404);
    expect(error.message).toContain(new URL(uploadUrl!).origin + new URL(uploadUrl!).pathname);
    expect(error.message).toContain('upload_url');
    expect(error.message).not.toContain(DEV_API_KEY);
  });

  it('with the envelope session_not_found it is still the session that is unknown', async () => {
    const t = await startTestServer();
    const client = msaClient(t);
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: UPLOAD, kind: 'status', status: 404, body: { error: { code: 'session_not_found', message: 'Session not found.' } } });

    const error = await rejection(client.uploadChunk(session.sessionId, { bytes: makeWavChunks(1)[0]!, index: 0 }));

    expect(error).toBeInstanceOf(SessionNotFoundError);
  });
});
