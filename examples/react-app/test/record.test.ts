import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPage } from 'example-web-support/start-page';
import { endCalls, SAMPLE_MP3, SAMPLE_SECONDS, SCREENSHOT_DIR, startApp, storedChunkIndexes, waitForElapsed } from './chromium-app';

describe('the React app, end to end in Chromium with a fake microphone', () => {
  let running: RunningPage;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running?.close());

  it('records the consultation, lists its chunks as they upload, and shows the SOAP note with the medication and dose', async () => {
    const { page, server } = running;
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForSelector('.status[data-status="recording"]');
    // The first speech chunk is cut at the first pause and shows up in the list, uploaded, while recording goes on.
    await page.waitForSelector('.chunk[data-state="uploaded"]', { timeout: 60_000 });
    // The picture: two chunks uploaded, the third being spoken (the meter shows speech).
    await page.waitForSelector('.chunk[data-index="1"][data-state="uploaded"]', { timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('.level')?.getAttribute('aria-valuenow')) > 0.05, undefined, { timeout: 10_000 });
    await running.screenshot(`${SCREENSHOT_DIR}react-app-recording.png`);
    // The fake microphone plays the sample once: wait until all of it has been heard, then stop.
    await waitForElapsed(page, Math.ceil(SAMPLE_SECONDS) + 1);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.waitForSelector('.note[data-status="completed"]', { timeout: 90_000 });

    const soap = page.getByLabel('SOAP note');
    for (const heading of ['Subjective', 'Objective', 'Assessment', 'Plan']) await expect(soap.getByRole('article', { name: heading }).count()).resolves.toBe(1);
    const plan = (await soap.getByRole('article', { name: 'Plan' }).textContent()) ?? '';
    expect(plan).toMatch(/paracetamol 500 mg/i);
    const medications = (await page.getByRole('article', { name: 'Medications' }).textContent()) ?? '';
    expect(medications).toContain('Paracetamol 500 mg');
    expect(medications).toMatch(/three times daily, for 3 days/);
    expect(await page.getByRole('article', { name: 'Symptoms' }).textContent()).toMatch(/fever/i);
    await page.mouse.move(0, 0);
    await running.screenshot(`${SCREENSHOT_DIR}react-app-note.png`);

    // Every speech chunk reached the server exactly once, and the end call counted them all.
    const indexes = storedChunkIndexes(server);
    expect(indexes.length).toBeGreaterThanOrEqual(2);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes.map((_, position) => position));
    expect(endCalls(server)).toEqual([{ audio_files_sent: indexes.length }]);
    // And the page listed each of them as uploaded.
    const listed = await page.locator('.chunk').evaluateAll((items) => items.map((item) => [Number(item.getAttribute('data-index')), item.getAttribute('data-state')]));
    expect(listed).toEqual(indexes.map((_, position) => [position, 'uploaded']));

    // "New consultation" forgets the note and the chunks; the next Record would make a new session.
    await page.getByRole('button', { name: 'New consultation' }).click();
    await page.waitForSelector('.status[data-status="idle"]');
    expect(await page.locator('.chunk, .note').count()).toBe(0);
    await page.getByRole('button', { name: 'Record', exact: true }).waitFor();
  });

  it('sends a recorded file (MP3) instead of the microphone and shows its note', async () => {
    const { page, server } = running;
    await page.goto(running.url);
    const before = server.requests.length;
    await page.getByLabel('or upload a recording').setInputFiles(SAMPLE_MP3);
    await page.waitForSelector('.note[data-status="completed"]', { timeout: 90_000 });
    const medications = (await page.getByRole('article', { name: 'Medications' }).textContent()) ?? '';
    expect(medications).toContain('Paracetamol 500 mg');
    // The new session's chunks, once each, and its one end call.
    const indexes = storedChunkIndexes(server, before);
    expect(indexes.length).toBeGreaterThanOrEqual(2);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes.map((_, position) => position));
    expect(endCalls(server, before)).toEqual([{ audio_files_sent: indexes.length }]);
    expect(await page.locator('.chunk[data-state="uploaded"]').count()).toBe(indexes.length);
  });
});
