import type { ServerResponse } from 'node:http';
import { fakeJwt, sendEnvelope, sendJson, type Handler, type ReceivedRequest } from './test-server';

/** Answers one kind of call; return nothing to fall back to the default behaviour. */
type Override = (request: ReceivedRequest, response: ServerResponse) => boolean | void;

/** Counters and knobs of a scripted EkaScribe auth host plus one protocol route. */
export interface FakeEka {
  handler: Handler;
  logins: ReceivedRequest[];
  refreshes: ReceivedRequest[];
  protocolCalls: ReceivedRequest[];
  /** Tokens the protocol route accepts. */
  valid: Set<string>;
  /** Every access token issued, in order. */
  issued: string[];
  /** What login answers `expires_in` with (`null` leaves the field out). Default 3600. */
  expiresIn: unknown;
  /** Whether login and refresh send a refresh token. Default true. */
  sendRefreshToken: boolean;
  onLogin?: Override;
  onRefresh?: Override;
  onProtocol?: Override;
}

/** Creates the script; mount `fake.handler` on a test server. */
export function createFakeEka(): FakeEka {
  let serial = 0;
  const issue = (res: ServerResponse) => {
    serial += 1;
    const accessToken = fakeJwt({ 'b-id': 'b_test_business', sub: 'client', jti: serial });
    fake.valid.add(accessToken);
    fake.issued.push(accessToken);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer' };
    if (fake.sendRefreshToken) body.refresh_token = `refresh-token-${serial}-sentinel`;
    if (fake.expiresIn !== null) body.expires_in = fake.expiresIn;
    sendJson(res, 200, body);
  };
  const fake: FakeEka = {
    logins: [],
    refreshes: [],
    protocolCalls: [],
    valid: new Set(),
    issued: [],
    expiresIn: 3600,
    sendRefreshToken: true,
    handler: (req, res) => {
      if (req.url === '/connect-auth/v1/account/login') {
        fake.logins.push(req);
        if (fake.onLogin?.(req, res)) return;
        return issue(res);
      }
      if (req.url === '/connect-auth/v1/account/refresh-token') {
        fake.refreshes.push(req);
        if (fake.onRefresh?.(req, res)) return;
        return issue(res);
      }
      fake.protocolCalls.push(req);
      if (fake.onProtocol?.(req, res)) return;
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!fake.valid.has(token)) return sendEnvelope(res, 401, 'authentication_failed', 'credentials rejected');
      sendJson(res, 200, { templates: [] });
    },
  };
  return fake;
}
