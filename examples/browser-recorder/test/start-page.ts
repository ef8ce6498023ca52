/**
 * Test support: the example's Vite dev server (with the local @scribe/server and the relay, as `pnpm dev` starts
 * them) and Debian's Chromium driven by playwright-core, its microphone playing a committed recording.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ScribeServer } from '@scribe/server';
import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { scribeDevServices } from '../scribe-dev-services';

/** A running page with its services. */
export interface RunningPage {
  readonly page: Page;
  readonly server: ScribeServer;
  readonly url: string;
  close(): Promise<void>;
}

/** Headless flags for a machine with no display and no outside network (docs/browser.md). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The flags that make `getUserMedia` play `wavFile` once, granted without a prompt. */
export function fakeMicrophoneFlags(wavFile: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavFile}%noloop`];
}

/** Starts the example's dev server and opens it in Chromium whose microphone plays `wavFile`. */
export async function startPage(wavFile: string): Promise<RunningPage> {
  let server: ScribeServer | undefined;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const vite: ViteDevServer = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [scribeDevServices({ onServer: (started) => (server = started) })],
    server: { host: '127.0.0.1', port: 0 },
  });
  await vite.listen();
  const url = vite.resolvedUrls!.local[0]!;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.SCRIBE_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...fakeMicrophoneFlags(wavFile)] });
    const page = await browser.newPage();
    await page.goto(url);
    return {
      page,
      server: server!,
      url,
      close: async () => {
        await browser?.close();
        await vite.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await vite.close();
    throw error;
  }
}
