import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPage } from 'example-web-support/start-page';
import { endCalls, SAMPLE_SECONDS, SCREENSHOT_DIR, startApp, storedChunkIndexes, waitForElapsed } from './chromium-app';

const RELAY_ROUTES = '**/api/scribe/**';
/** Core's default `maxMergeGapSeconds`: a longer pause closes the speech chunk. */
const MERGE_GAP_SECONDS = 5;

describe('the React app after a reload mid-recording with the network down', () => {
  let running: RunningPage;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running?.close());

  it('keeps the speech chunks in IndexedDB across the reload, and "Resume" sends them once each and shows the note', async () => {
    const { page, server } = running;
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForSelector('.status[data-status="recording"]');
    // The session exists; from now on nothing reaches the relay.
    await page.route(RELAY_ROUTES, (route) => route.abort('internetdisconnected'));
    // The last chunk is closed by a pause of more than 5 s (core's maxMergeGapSeconds): wait for the silence after the
    // sample, with room to spare, so that every chunk is cut before the reload.
    await waitForElapsed(page, Math.ceil(SAMPLE_SECONDS + MERGE_GAP_SECONDS) + 3);
    const cut = await page.locator('.chunk').count();
    expect(cut).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.chunk[data-state="uploaded"]').count()).toBe(0);
    // The page says why: uploads wait for the network, the chunks are kept in the browser.
    await page.getByText('Waiting for the network').waitFor({ timeout: 30_000 });
    expect(storedChunkIndexes(server)).toEqual([]);

    // A reload while recording (still offline): the tab's session is gone, its chunks are not.
    await page.reload();
    const banner = page.getByRole('region', { name: 'unfinished consultations' });
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/^One consultation \(started at [^)]+\) was not finished: the page was closed or reloaded while recording/);
    expect(endCalls(server)).toEqual([]);
    await running.screenshot(`${SCREENSHOT_DIR}react-app-pending.png`);

    await page.unroute(RELAY_ROUTES);
    await banner.getByRole('button', { name: 'Resume' }).click();
    const note = page.getByRole('region', { name: 'resumed consultation' }).locator('.note[data-status="completed"]');
    await note.waitFor({ timeout: 90_000 });
    // Every chunk cut before the reload reached the server exactly once, after it; the end call counted them all.
    const indexes = storedChunkIndexes(server);
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: cut }, (_, index) => index));
    expect(endCalls(server)).toEqual([{ audio_files_sent: cut }]);
    const medications = (await note.getByRole('article', { name: 'Medications' }).textContent()) ?? '';
    expect(medications).toContain('Paracetamol 500 mg');
    expect(medications).toMatch(/three times daily, for 3 days/);
    await banner.waitFor({ state: 'detached' });
  });
});
