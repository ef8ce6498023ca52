import type { TestProject } from 'vitest/node';
import { RELAY_MOUNT, startBrowserHarness, USER_COOKIE } from './node-harness';

/**
 * Starts the real services the browser tests talk to: the local @scribe/server (test knobs on; the dev account and the
 * relay's service account, whose secrets are sentinels), a TCP proxy in front of it that tests can cut, and the real
 * relay (createScribeRelay, mounted on the page's server by vitest.config.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { DEV_ACCOUNT } = await import('@scribe/server');
  const started = await startBrowserHarness();
  const { server } = started;
  project.provide('serverUrl', server.url);
  // What an app's backend does for getToken mode: log in with the client secret on the server side and hand the page
  // only the short-lived access token.
  const login = await fetch(`${server.url}/connect-auth/v1/account/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: DEV_ACCOUNT.clientId, client_secret: DEV_ACCOUNT.clientSecret }),
  });
  if (!login.ok) throw new Error(`dev login failed: HTTP ${login.status}`);
  const { access_token: accessToken } = (await login.json()) as { access_token: string };
  project.provide('serverToken', accessToken);
  project.provide('devApiKey', DEV_ACCOUNT.apiKeys![0]!);
  project.provide('relayUrl', RELAY_MOUNT);
  project.provide('relayUserCookie', USER_COOKIE);
  return () => started.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local @scribe/server's origin, e.g. http://127.0.0.1:PORT. */
    serverUrl: string;
    /** An access token of the server's dev account, minted by a login in Node (the page never sees the secret). */
    serverToken: string;
    /** The dev account's API key (for the dangerouslyAllowBrowser test). */
    devApiKey: string;
    /** The relay's URL, relative to the page (it is mounted on the page's own server): `/api/scribe`. */
    relayUrl: string;
    /** The name of the cookie the relay's authorize reads the user from (the app's session cookie). */
    relayUserCookie: string;
  }
}
