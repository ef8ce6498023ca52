import { expect, inject, test } from 'vitest';
import { SCRIBE_BROWSER_PACKAGE } from '../src/index';

test('runs in Chromium and reaches the local server', async () => {
  expect(SCRIBE_BROWSER_PACKAGE).toBe('@scribe/browser');
  expect(navigator.userAgent).toContain('Chrome');
  const health = await fetch(`${inject('serverUrl')}/health`);
  expect(await health.json()).toEqual({ status: 'ok' });
});
