/**
 * Test support for the browser examples: an example's Vite dev server (with the local @scribe/server and the relay, as
 * its `pnpm dev` starts them) and Debian's Chromium driven by playwright-core, its microphone playing a recording.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ScribeServer } from '@scribe/server';
import { createServer, type PluginOption, type ViteDevServer } from 'vite';
import { scribeDevServices } from './scribe-dev-services';

/** A running example page with its services. */
export interface RunningPage {
  /** The page, opened at `url`. */
  readonly page: Page;
  /** The local @scribe/server behind the relay, started with test knobs (`server.requests` logs every request). */
  readonly server: ScribeServer;
  /** The example's address on the dev server. */
  readonly url: string;
  /** Saves a PNG of the whole page to `file` (its directory is created). */
  screenshot(file: string): Promise<void>;
  /** Closes the browser, the dev server, the relay's client and the local server. */
  close(): Promise<void>;
}

/** Options of `startPage`. */
export interface StartPageOptions {
  /** The example's directory (holding its `index.html`), a path or a `file:` URL. Required. */
  root: string | URL;
  /** A WAV file the fake microphone plays once; without it Chromium has no microphone. Default none. */
  wavFile?: string;
  /** Vite plugins the example needs besides the scribe services (the React plugin, say). Default none. */
  plugins?: PluginOption[];
  /** More Chromium flags, after the headless ones and the fake microphone's. Default none. */
  chromiumFlags?: string[];
  /** The page's viewport in CSS pixels. Default playwright's, 1280 x 720. */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel, for sharper screenshots. Default 1. */
  deviceScaleFactor?: number;
}

/** Headless flags for a machine with no display and no outside network (docs/browser.md). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The flags that make `getUserMedia` play `wavFile` once, granted without a prompt. */
export function fakeMicrophoneFlags(wavFile: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavFile}%noloop`];
}

/** Where Chromium is: `SCRIBE_CHROMIUM`, else Debian's `/usr/bin/chromium` (never a downloaded browser). */
export function chromiumPath(): string {
  return process.env.SCRIBE_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Starts the example's dev server on an ephemeral port (its own `vite.config` is not read: `plugins` stands in for
 * it) and opens it in Chromium. The local server runs with test knobs, so `server.requests` shows what it received.
 */
export async function startPage(options: StartPageOptions): Promise<RunningPage> {
  let server: ScribeServer | undefined;
  const root = typeof options.root === 'string' ? options.root : fileURLToPath(options.root);
  const vite: ViteDevServer = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [...(options.plugins ?? []), scribeDevServices({ onServer: (started) => (server = started) })],
    server: { host: '127.0.0.1', port: 0 },
  });
  let browser: Browser | undefined;
  try {
    await vite.listen();
    const url = vite.resolvedUrls!.local[0]!;
    const args = [...CHROMIUM_FLAGS, ...(options.wavFile ? fakeMicrophoneFlags(options.wavFile) : []), ...(options.chromiumFlags ?? [])];
    browser = await chromium.launch({ executablePath: chromiumPath(), args });
    const page = await browser.newPage({ ...(options.viewport && { viewport: options.viewport }), deviceScaleFactor: options.deviceScaleFactor ?? 1 });
    await page.goto(url);
    const opened = browser;
    return {
      page,
      server: server!,
      url,
      screenshot: async (file) => {
        mkdirSync(dirname(file), { recursive: true });
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      },
      close: async () => {
        await opened.close();
        await vite.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await vite.close();
    throw error;
  }
}
