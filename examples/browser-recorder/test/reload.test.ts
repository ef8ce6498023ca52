import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPage, type RunningPage } from 'example-web-support/start-page';

const SAMPLE = fileURLToPath(new URL('../../samples/fever-sore-throat/fever-sore-throat.wav', import.meta.url));

describe('the browser recorder loses nothing to a reload while offline', () => {
  let running: RunningPage;
  beforeAll(async () => {
    running = await startPage({ root: new URL('..', import.meta.url), wavFile: SAMPLE });
  }, 60_000);
  afterAll(async () => running?.close());

  it('records with the relay unreachable, is reloaded, and finishes the session from the durable queue', { timeout: 180_000 }, async () => {
    const { page, server } = running;
    await page.click('#record');
    await page.waitForSelector('#status[data-status="recording"]');
    // The network to the relay goes away mid-recording: chunks keep being cut and wait in IndexedDB.
    await page.route('**/api/scribe/**', (route) => route.abort('internetdisconnected'));
    await page.waitForFunction(() => document.querySelectorAll('#chunks li').length >= 2, undefined, { timeout: 90_000 });
    const cutBeforeReload = await page.locator('#chunks li').count();
    const uploadedBeforeReload = await page.locator('#chunks li[data-state="uploaded"]').count();
    expect(uploadedBeforeReload).toBeLessThan(cutBeforeReload);

    // The tab reloads (no stop, no end call); the network comes back; the new page finishes the session.
    await page.reload();
    await page.unroute('**/api/scribe/**');
    await page.waitForSelector('#note:not([hidden])', { timeout: 120_000 });

    const uploads = server.requests.filter((request) => request.method === 'POST' && /\/audio\/chunk_\d+\.wav$/.test(request.path) && request.status === 200);
    const indexes = uploads.map((request) => Number(/chunk_(\d+)\.wav$/.exec(request.path)![1]));
    expect(indexes.length).toBeGreaterThanOrEqual(cutBeforeReload);
    expect(indexes).toEqual(indexes.map((_, position) => position));
    const ends = server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/end'));
    expect(ends.map((request) => request.body)).toEqual([{ audio_files_sent: indexes.length }]);
    expect(await page.textContent('#status')).toMatch(/completed|partial/);
  });
});
