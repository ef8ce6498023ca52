import type { Engine } from '@scribe/server';
import type { TestProject } from 'vitest/node';

/** A deterministic engine (the default server has no transcriber, so sessions would end `failed`). */
const testEngine: Engine = {
  transcribe: async () => ({ text: 'Doctor: How are you feeling today? Patient: Much better, the cough has gone.', language: 'en' }),
  extract: async (input) => ({ status: 'success', data: { template: input.templateId, plan: 'Rest and fluids.' } }),
};

/** Starts the real services the browser tests talk to (the local @scribe/server, later the relay). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startServer, DEV_ACCOUNT } = await import('@scribe/server');
  const server = await startServer({ port: 0, host: '127.0.0.1', engine: testEngine });
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
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local @scribe/server's origin, e.g. http://127.0.0.1:PORT. */
    serverUrl: string;
    /** An access token of the server's dev account, minted by a login in Node (the page never sees the secret). */
    serverToken: string;
    /** The dev account's API key (for the dangerouslyAllowBrowser test). */
    devApiKey: string;
  }
}
