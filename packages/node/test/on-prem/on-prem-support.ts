import { DEV_ACCOUNT } from '@scribe/server';
import type { ScribeClient, ScribeClientOptions } from '@scribe/node';
import { isolatedClient } from '../support/client-factory';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/start-test-server';

/** The reference server's dev account username for the on-prem password login. */
export const DEV_USERNAME = DEV_ACCOUNT.username!;
/** Its password. */
export const DEV_PASSWORD = DEV_ACCOUNT.password!;
/** The on-prem login route. */
export const PASSWORD_LOGIN = /^\/connect-auth\/v1\/login$/;

/** The reference server in its on-prem variant (`onPrem: true`) for the current test; its wire is not the contract's. */
export function startOnPremServer(options: TestServerOptions = {}): Promise<TestServer> {
  return startTestServer({ ...options, onPrem: true, contractCheck: false });
}

/**
 * A client configured as docs/self-hosted-ekascribe.md says: `eka` dialect, the service's origin as base URL (the
 * login host derives from it), username and password, a language hint, no template defaults.
 */
export function onPremClient(t: TestServer, options: ScribeClientOptions = {}): ScribeClient {
  return isolatedClient(t, {
    dialect: 'eka',
    baseUrl: t.url,
    username: DEV_USERNAME,
    password: DEV_PASSWORD,
    defaultLanguageHint: 'en',
    defaultTemplates: undefined,
    ...options,
  });
}
