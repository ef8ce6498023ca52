/**
 * A Vite plugin that gives the page everything it talks to on this machine: a local @scribe/server, and the relay
 * (`createScribeRelay` from @scribe/node) mounted at `/api/scribe` on the page's own origin. The relay holds the
 * server's development credentials; the page holds none.
 *
 * A real app mounts the relay in its own backend (a Next.js route handler, Hono, Express; see docs/relay.md) with its
 * own service credentials from the environment and an `authorize` that reads its own session cookie.
 */
import { randomBytes } from 'node:crypto';
import { DEV_ACCOUNT, selectEngine, startServer, type ScribeServer } from '@scribe/server';
import { createScribeRelay, ScribeClient, toNodeHandler } from '@scribe/node';
import type { Plugin } from 'vite';

/** Where the page reaches the relay. */
export const RELAY_PATH = '/api/scribe';

/** The demo's one user: a real app returns the user of the request's own session here, or null to refuse. */
const DEMO_USER = { userId: 'demo-user' };

/** Options of `scribeDevServices`. */
export interface DevServicesOptions {
  /** Called once the local server is up (tests read its stored files and request log). */
  onServer?: (server: ScribeServer) => void;
}

/** Starts the local server with the page's dev server and mounts the relay in front of it. */
export function scribeDevServices(options: DevServicesOptions = {}): Plugin {
  let server: ScribeServer | undefined;
  let client: ScribeClient | undefined;
  return {
    name: 'scribe-dev-services',
    async configureServer(vite) {
      const selected = selectEngine();
      server = await startServer({ port: 0, engine: selected?.engine, testKnobs: Boolean(options.onServer) });
      options.onServer?.(server);
      vite.config.logger.info(`local scribe server on ${server.url}${selected ? ` (engine: ${selected.description})` : ''}; relay at ${RELAY_PATH}`);
      client = new ScribeClient({
        baseUrl: server.url,
        authBaseUrl: server.url,
        clientId: DEV_ACCOUNT.clientId,
        clientSecret: DEV_ACCOUNT.clientSecret,
        defaultTemplates: ['clinical_notes_template', 'eka_emr_template'],
        dotEnv: false,
      });
      const relay = createScribeRelay({ client, secret: randomBytes(32), authorize: async () => DEMO_USER });
      const handle = toNodeHandler(relay);
      vite.middlewares.use(RELAY_PATH, (request, response) => {
        // Connect strips the mount path; the relay wants the whole URL.
        request.url = `${RELAY_PATH}${request.url ?? ''}`;
        void handle(request, response);
      });
      vite.httpServer?.once('close', () => {
        void client?.close();
        void server?.close();
      });
    },
  };
}
