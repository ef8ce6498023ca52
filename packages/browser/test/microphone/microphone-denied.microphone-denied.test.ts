import { ScribeError } from '@scribe/core';
import { expect, it } from 'vitest';
import { createMicrophoneSource } from '../../src/index';

// Project chromium-microphone-denied: no --use-fake-ui-for-media-stream, so the permission prompt is dismissed.
it('permission refused: MicrophonePermissionError with advice, and nothing left open', async () => {
  const source = createMicrophoneSource();
  const error = await Promise.resolve(source.open(new AbortController().signal)).then(
    () => new Error('opened'),
    (caught: unknown) => caught,
  );
  expect(ScribeError.is(error)).toBe(true);
  expect((error as ScribeError).code).toBe('microphone_permission_denied');
  expect((error as ScribeError).name).toBe('MicrophonePermissionError');
  expect((error as ScribeError).message).toMatch(/Allow microphone access for this site in the browser's site settings/);
  expect(source.track).toBeUndefined();
});
