import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createPocketsphinxTranscriber, findPocketsphinx, parsePocketsphinxOutput } from '../../src/index.js';
import { parseCommandLine } from '../../src/cli-arguments.js';
import { engineFromArguments } from '../../src/processing/engines/engine-arguments.js';
import { fakeExecutable } from './engine-test-support.js';

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-ps-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('finding pocketsphinx', () => {
  it('finds the Debian install: pocketsphinx_continuous and the en-us model', () => {
    expect(findPocketsphinx()).toEqual({ command: '/usr/bin/pocketsphinx_continuous', variant: 'continuous', modelDir: '/usr/share/pocketsphinx/model/en-us' });
  });

  it('finds a 5.x `pocketsphinx` on PATH and a model beside its prefix', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin', 'pocketsphinx'), '#!/bin/sh\n');
    await chmod(join(root, 'bin', 'pocketsphinx'), 0o755);
    const model = join(root, 'share', 'pocketsphinx', 'model', 'en-us');
    await mkdir(join(model, 'en-us'), { recursive: true });
    for (const file of ['en-us/mdef', 'en-us.lm.bin', 'cmudict-en-us.dict']) await writeFile(join(model, file), '');
    expect(findPocketsphinx({ env: { PATH: join(root, 'bin') } })).toEqual({ command: join(root, 'bin', 'pocketsphinx'), variant: 'cli5', modelDir: model });
  });

  it('finds nothing on an empty PATH, and honours SCRIBE_POCKETSPHINX', async () => {
    expect(findPocketsphinx({ env: { PATH: '' } })).toBeUndefined();
    const fake = await fakeExecutable('my-recogniser', 'exit 0');
    expect(findPocketsphinx({ env: { PATH: '', SCRIBE_POCKETSPHINX: fake } })).toMatchObject({ command: fake, variant: 'cli5' });
  });

  it('reads both output forms', () => {
    expect(parsePocketsphinxOutput('good morning\n\nyour pulse is ninety\n', 'continuous')).toEqual(['good morning', 'your pulse is ninety']);
    const cli5 = ['{"b":0.0,"d":1.2,"p":1,"t":"good morning","w":[]}', 'WARNING: something', '{"b":1.5,"d":0.4,"p":1,"t":""}', '{"b":2.0,"d":1.0,"p":1,"t":"your pulse is ninety"}'];
    expect(parsePocketsphinxOutput(cli5.join('\n'), 'cli5')).toEqual(['good morning', 'your pulse is ninety']);
  });

  it('runs a 5.x-style binary as `pocketsphinx [options] live file.wav` and reads its JSON lines', async () => {
    const fake = await fakeExecutable('pocketsphinx', 'for last; do :; done\ntest -s "$last" || exit 3\necho "{\\"b\\":0,\\"t\\":\\"args $*\\"}" | sed "s#/[^ ]*\\.wav#FILE#"');
    const transcriber = createPocketsphinxTranscriber({ command: fake, variant: 'cli5', modelDir: '/m' });
    const result = await transcriber.transcribe({ sessionId: 's/1', pcm: new Float32Array(16000), languageHints: [] }, new AbortController().signal);
    expect(result).toEqual({ text: 'args -hmm /m/en-us -lm /m/en-us.lm.bin -dict /m/cmudict-en-us.dict live FILE', language: 'en' });
  });
});

describe('engine flags', () => {
  it('defaults to pocketsphinx when installed and the rules extractor', async () => {
    const parsed = await parseCommandLine([]);
    expect(parsed).toMatchObject({ engineDescription: expect.stringMatching(/^transcriber: pocketsphinx \(\/usr\/bin\/pocketsphinx_continuous.*extractor: rules/) });
  });

  it('reads every engine flag and takes keys from the environment', () => {
    const env = { PATH: process.env.PATH, SCRIBE_TRANSCRIBER_API_KEY: 'k1', SCRIBE_EXTRACTOR_API_KEY: 'k2' };
    const selected = engineFromArguments({ transcriber: 'openai-compatible', 'transcriber-url': 'http://127.0.0.1:9000', extractor: 'openai-compatible', 'extractor-url': 'http://127.0.0.1:9001/v1' }, env);
    expect(selected.description).toMatch(/^transcriber: openai-compatible \(http:\/\/127\.0\.0\.1:9000\); extractor: openai-compatible/);
    expect(engineFromArguments({ transcriber: 'none' }, env).description).toMatch(/^transcriber: none;/);
    expect(engineFromArguments({}, { PATH: '' }).description).toMatch(/^transcriber: none \(pocketsphinx not found\); extractor: rules; compressed audio: not decoded/);
  });

  it.each([
    [{ transcriber: 'whisper' }, /--transcriber must be one of pocketsphinx, openai-compatible, none/],
    [{ extractor: 'gpt' }, /--extractor must be one of rules, openai-compatible/],
    [{ transcriber: 'openai-compatible' }, /needs --transcriber-url/],
    [{ extractor: 'openai-compatible' }, /needs --extractor-url/],
  ])('refuses %j', (values, message) => {
    expect(() => engineFromArguments(values, { PATH: process.env.PATH })).toThrow(message);
  });

  it('refuses --transcriber pocketsphinx when it is not installed', () => {
    expect(() => engineFromArguments({ transcriber: 'pocketsphinx' }, { PATH: '' })).toThrow(/apt-get install pocketsphinx pocketsphinx-en-us/);
  });
});
