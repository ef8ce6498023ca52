/**
 * Test support: this example opened in Debian Chromium by example-web-support's harness (the app's dev server, the
 * relay and the local @scribe/server, as `pnpm dev` starts them), plus what the tests read from the page and the server.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ScribeServer } from '@scribe/server';
import { startPage, type RunningPage } from 'example-web-support/start-page';
import type { Page } from 'playwright-core';

/** The committed consultation the fake microphone plays: 35.4 s, 16 kHz mono. */
export const SAMPLE = fileURLToPath(new URL('../../samples/fever-sore-throat/fever-sore-throat.wav', import.meta.url));
/** The same consultation as MP3, for the file upload. */
export const SAMPLE_MP3 = fileURLToPath(new URL('../../samples/fever-sore-throat/fever-sore-throat.mp3', import.meta.url));
/** Its length in seconds. */
export const SAMPLE_SECONDS = 35.4;

/** Where screenshots go: docs/images/ with `UPDATE_SCREENSHOTS=1` (then commit them), else a scratch directory. */
export const SCREENSHOT_DIR = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS === '1' ? '../../../docs/images/' : '../node_modules/.screenshots/', import.meta.url));

/** Starts the app with the fake microphone playing the sample. */
export function startApp(): Promise<RunningPage> {
  return startPage({ root: new URL('..', import.meta.url), wavFile: SAMPLE, plugins: [react()], viewport: { width: 1100, height: 420 } });
}

/** Waits until the page's elapsed time reads at least `seconds`. */
export async function waitForElapsed(page: Page, seconds: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction((wanted) => Number(document.querySelector('.elapsed')?.getAttribute('data-seconds') ?? 0) >= wanted, seconds, { timeout });
}

/** The chunk uploads the server answered 200, as chunk indexes in arrival order (of the requests from position `from` on). */
export function storedChunkIndexes(server: ScribeServer, from = 0): number[] {
  return server.requests
    .slice(from)
    .filter((request) => request.method === 'POST' && /\/audio\/chunk_\d+\.wav$/.test(request.path) && request.status === 200)
    .map((request) => Number(/chunk_(\d+)\.wav$/.exec(request.path)![1]));
}

/** The bodies of the end calls the server received (from position `from` of its request log on). */
export function endCalls(server: ScribeServer, from = 0): unknown[] {
  return server.requests.slice(from).filter((request) => request.method === 'POST' && request.path.endsWith('/end')).map((request) => request.body);
}
