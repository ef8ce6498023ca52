import { ConfigError, ScribeError } from '@scribe/core';
import { describe, expect, it } from 'vitest';
import { loadSpeechModule } from '../src/vad/load-speech-module';

describe('loadSpeechModule: the split-off speech-detection code (issue 9)', () => {
  it('hands over the loaded module', async () => {
    const module = { loadSileroWebModel: () => 'loaded' };
    await expect(loadSpeechModule(async () => module)).resolves.toBe(module);
  });

  it('turns a failed chunk load into a ConfigError that says to reload, keeping the cause (a redacted copy)', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: https://app.example.com/assets/silero-web-model-3f2a.js');
    const error = await loadSpeechModule(() => Promise.reject(failure)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(ScribeError.is(error) && error.code).toBe('config_error');
    expect((error as Error).message).toMatch(/could not load its code .*reload the page/);
    expect((error as Error).cause).toMatchObject({ name: 'TypeError', message: failure.message });
  });

  it('a real import of the split-off module resolves to its loader', async () => {
    const { loadSileroWebModel } = await loadSpeechModule(() => import('../src/vad/silero-web-model'));
    expect(typeof loadSileroWebModel).toBe('function');
  });
});
