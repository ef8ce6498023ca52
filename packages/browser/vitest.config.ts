import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { findSecrets, harness, RELAY_MOUNT, sessionTraffic } from './test/support/node-harness';

/** Debian's Chromium (installed by scripts/bootstrap.mjs with apt); no tool ever downloads a browser. */
const chromiumPath = process.env.SCRIBE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine without a display or outside network (docs/browser.md). */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The real relay (createScribeRelay through toNodeHandler, started by globalSetup) mounted on the page's own server at
 * /api/scribe, as an app mounts it: same origin, so the app's cookie authenticates the user and no CORS is involved.
 */
const relayMount: Plugin = {
  name: 'scribe-test-relay',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      if (!request.url?.startsWith(`${RELAY_MOUNT}/`)) return next();
      void harness().relayListener(request, response);
    });
  },
};

/** What a browser test may ask of the Node side (they run in Node; see test/support/node-harness.ts). */
const commands: Record<string, BrowserCommand<never[]>> = {
  /** Cuts the network between the relay and the service (every connection reset) until `restoreNetwork`. */
  cutNetwork: () => harness().proxy.cut(),
  restoreNetwork: () => harness().proxy.restore(),
  /** Connections the cut network refused. */
  refusedConnections: () => harness().proxy.refused,
  /** The server's request log and disk for the session behind a relay handle. */
  sessionTraffic: ((_context, handle: string) => sessionTraffic(handle)) as BrowserCommand<never[]>,
  /**
   * Opens a second tab on `origin`, asks there for the Web Lock `name` without waiting, and closes the tab: whether
   * another tab could take it.
   */
  lockAvailableInOtherTab: (async (context, origin: string, name: string) => {
    const tab = await context.context.newPage();
    try {
      // An empty document of the origin, answered by Playwright itself (the dev server has no page at an arbitrary path).
      await tab.route(`${origin}/__lock-probe`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>probe</title>' }));
      await tab.goto(`${origin}/__lock-probe`);
      return await tab.evaluate((lockName) => navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => lock !== null), name);
    } finally {
      await tab.close();
    }
  }) as BrowserCommand<never[]>,
  /**
   * A real reload mid-session, in a second tab of the page's origin: test/support/reload-page.ts records through the
   * relay, the network to the service is cut, the rest of the recording goes to IndexedDB, then the tab is reloaded
   * (the page, its memory and its Web Locks are gone) and the new page resumes. Returns what each page reported.
   */
  reloadMidSession: (async (context, origin: string, relayUrl: string, database: string, cookie: string) => {
    const tab = await context.context.newPage();
    const page = `${origin}/__reload-probe`;
    await tab.route(page, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        // Vitest's browser transform routes every dynamic import() of a served module through its runner; this page has
        // no runner, so the call is passed straight through.
        body:
          '<!doctype html><title>reload probe</title><script>globalThis.__vitest_browser_runner__ = { wrapDynamicImport: (load) => load() };</script>' +
          '<script type="module" src="/test/support/reload-page.ts"></script>',
      }),
    );
    type Probe = { start(...args: string[]): Promise<string>; captureRest(): Promise<unknown>; resume(...args: string[]): Promise<unknown> };
    try {
      await tab.goto(page);
      await tab.waitForFunction(() => 'scribeReloadProbe' in globalThis, undefined, { timeout: 30_000 });
      const sessionId = await tab.evaluate(([r, d, c]) => (globalThis as unknown as { scribeReloadProbe: Probe }).scribeReloadProbe.start(r!, d!, c!), [relayUrl, database, cookie]);
      harness().proxy.cut();
      const beforeReload = await tab.evaluate(() => (globalThis as unknown as { scribeReloadProbe: Probe }).scribeReloadProbe.captureRest());
      await tab.reload();
      await tab.waitForFunction(() => 'scribeReloadProbe' in globalThis, undefined, { timeout: 30_000 });
      const endsBeforeResume = sessionTraffic(sessionId).ends.length;
      harness().proxy.restore();
      const afterReload = await tab.evaluate(([r, d]) => (globalThis as unknown as { scribeReloadProbe: Probe }).scribeReloadProbe.resume(r!, d!), [relayUrl, database]);
      return { sessionId, beforeReload, endsBeforeResume, afterReload };
    } finally {
      harness().proxy.restore();
      await tab.close();
    }
  }) as BrowserCommand<never[]>,
  /** Searches texts the page collected for the relay's secrets and service tokens; answers kinds, never values. */
  findSecrets: ((_context, texts: string[]) => findSecrets(texts)) as BrowserCommand<never[]>,
};

// Microphone tests (helper "media"): Chromium's fake capture device plays a committed speech WAV once (`%noloop`);
// a second browser without the fake-UI flag has its permission prompt dismissed, so getUserMedia is refused.
const speechWav = fileURLToPath(new URL('../node/test/fixtures/audio/speech.wav', import.meta.url));
const fakeMicrophoneFlags = ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${speechWav}%noloop`, '--autoplay-policy=no-user-gesture-required'];
const microphoneProject = (name: string, include: string, flags: string[]) => ({
  test: {
    name,
    include: [include],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: [...chromiumFlags, ...flags] } }),
      instances: [{ browser: 'chromium' as const }],
    },
  },
});
const microphoneProjects = [
  microphoneProject('chromium-microphone', 'test/**/*.microphone.test.ts', ['--use-fake-ui-for-media-stream', ...fakeMicrophoneFlags]),
  microphoneProject('chromium-microphone-denied', 'test/**/*.microphone-denied.test.ts', fakeMicrophoneFlags),
];

export default defineConfig({
  test: {
    projects: [
      {
        // Logic that needs no browser (IndexedDB through fake-indexeddb, option checks): plain Node.
        test: { name: 'node', include: ['test/**/*.node.test.ts'], environment: 'node' },
      },
      {
        // Everything that touches a browser API runs in real headless Chromium.
        plugins: [relayMount],
        test: {
          name: 'chromium',
          include: ['test/**/*.browser.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumFlags } }),
            instances: [{ browser: 'chromium' }],
            commands,
          },
        },
      },
      ...microphoneProjects,
    ],
  },
});
