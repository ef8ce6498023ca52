import { describe, expect, it } from 'vitest';
import { createSession, endSession, KEY_HEADERS, startTestServer } from './helpers/harness.js';

// Issue 11 item 10: an upload is refused before its body is read when the caller or the session is wrong, so bodies
// sent to sessions that do not exist cannot fill the server's memory.
const BODY = new Uint8Array(4 * 1024 * 1024);

describe('uploads are checked before their body is read (issue 11 #10)', () => {
  it('an unknown or foreign session is 404 with no body bytes read; an ended session is refused the same way', async () => {
    const t = await startTestServer();
    const ended = await createSession(t);
    await endSession(t, ended, 0);
    t.server.clearRequests();
    const cases: [string, number, string][] = [
      ['/v1/sessions/ses_doesnotexist00000000000/audio/chunk_0.wav', 404, 'session_not_found'],
      ['/v1/sessions/ses_doesnotexist00000000000/audio', 404, 'session_not_found'],
      [`/v1/sessions/${ended}/audio/chunk_0.wav`, 400, 'session_ended'],
    ];
    for (const [path, status, code] of cases) {
      const response = await t.call('POST', path, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', 'Content-Disposition': 'attachment; filename="chunk_0.wav"' }, body: BODY });
      expect(response.status, path).toBe(status);
      expect(response.body.error.code).toBe(code);
    }
    expect(t.server.requests.map((request) => request.bodyBytes)).toEqual([0, 0, 0]);
  });

  it('without credentials the body is not read either', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    t.server.clearRequests();
    const response = await t.call('POST', `/v1/sessions/${id}/audio/chunk_0.wav`, { headers: { 'Content-Type': 'audio/wav' }, body: BODY });
    expect(response.status).toBe(401);
    expect(t.server.requests[0]?.bodyBytes).toBe(0);
  });
});
