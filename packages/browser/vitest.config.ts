import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  test: {
    projects: [
      {
        // Logic that needs no browser (IndexedDB through fake-indexeddb, option checks): plain Node.
        test: { name: 'node', include: ['test/**/*.node.test.ts'], environment: 'node' },
      },
      {
        // Everything that touches a browser API runs in real headless Chromium.
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
          },
        },
      },
    ],
  },
});
