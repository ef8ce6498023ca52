import { fileURLToPath } from 'node:url';
import { DEV_ACCOUNT } from '@scribe/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPage, type RunningPage } from 'example-web-support/start-page';

const SAMPLE = fileURLToPath(new URL('../../samples/fever-sore-throat/fever-sore-throat.wav', import.meta.url));
const SAMPLE_SECONDS = 35.4;

describe('the browser recorder, end to end in Chromium', () => {
  let running: RunningPage;
  beforeAll(async () => {
    running = await startPage({ root: new URL('..', import.meta.url), wavFile: SAMPLE });
  }, 60_000);
  afterAll(async () => running?.close());

  it('records the consultation from the microphone and shows the note with the medication and its dose', { timeout: 180_000 }, async () => {
    const { page, server } = running;
    const seen: string[] = [];
    page.on('response', (response) => void response.text().then((body) => seen.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${body}`), () => undefined));
    await page.click('#record');
    await page.waitForSelector('#status[data-status="recording"]');
    // The fake microphone plays the sample once; wait until it has been heard, then stop.
    await page.waitForFunction((seconds) => {
      const [minutes, rest] = (document.getElementById('elapsed')?.textContent ?? '0:00').split(':');
      return Number(minutes) * 60 + Number(rest) >= seconds;
    }, Math.ceil(SAMPLE_SECONDS) + 1, { timeout: 90_000 });
    await page.click('#stop');
    await page.waitForSelector('#note:not([hidden])', { timeout: 90_000 });

    const cards = await page.textContent('#cards');
    expect(cards).toMatch(/Paracetamol 500 mg/i);
    expect(cards).toMatch(/three times daily/i);

    // Every speech chunk reached the server once, in order, and the end call counted them all.
    const uploads = server.requests.filter((request) => request.method === 'POST' && /\/audio\/chunk_\d+\.wav$/.test(request.path) && request.status === 200);
    const indexes = uploads.map((request) => Number(/chunk_(\d+)\.wav$/.exec(request.path)![1]));
    expect(indexes.length).toBeGreaterThanOrEqual(2);
    expect(indexes).toEqual(indexes.map((_, position) => position));
    const end = server.requests.find((request) => request.method === 'POST' && request.path.endsWith('/end'));
    expect(end?.body).toEqual({ audio_files_sent: indexes.length });
    // The page never saw the service's secret: not in its document, not in any response it received.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(DEV_ACCOUNT.clientSecret);
    expect(seen.length).toBeGreaterThan(5);
    for (const exchange of seen) expect(exchange).not.toContain(DEV_ACCOUNT.clientSecret);
  });
});
