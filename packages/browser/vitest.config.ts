import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
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
      ...microphoneProjects,
    ],
  },
});
