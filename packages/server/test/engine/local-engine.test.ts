import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_TRANSCRIBER_MESSAGE } from '../../src/index.js';
import { makeWav } from '../helpers/wav.js';
import { BOMB_FORMATS, encodeAudio, type BombFormat } from '../helpers/audio-bomb.js';
import { fakeEndpoint, fakeExecutable, runSession, SAMPLES, sampleFile, startEngineServer, templatesOf } from './engine-test-support.js';

const POCKETSPHINX = { transcriber: 'pocketsphinx' } as const;

async function consultationChunks() {
  return Promise.all([0, 1, 2, 3, 4].map(async (index) => ({ name: `chunk_${index}.wav`, bytes: await sampleFile('chest-pain-consultation', `chunks/chunk_${index}.wav`) })));
}

describe('the local engine with pocketsphinx, over HTTP', () => {
  it('transcribes WAV chunks in order and extracts the notes', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    const { status, body } = await runSession(t, await consultationChunks());
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'completed', language_detected: 'en', audio_files_processed: 5 });
    expect(body.transcript.split('\n')).toHaveLength(5);
    expect(body.transcript).toContain('your blood pressure is one hundred and forty over ninety');
    const templates = templatesOf(body);
    expect(templates.eka_emr_template?.data).toMatchObject({ vitals: [{ name: 'blood_pressure', value: '140/90', unit: 'mmHg' }], absent_symptoms: [{ name: 'fever' }] });
    expect(templates.clinical_notes_template?.data).toMatchObject({ objective: 'Blood pressure 140/90 mmHg.' });
  });

  it('decodes MP3 uploads with ffmpeg on the server', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    // The sample's 35 s MP3 is longer than a chunk may be (contract 5.4): its WAV chunks, joined in two and encoded
    // to MP3, are uploaded instead.
    const mp3 = BOMB_FORMATS.find((format) => format.type === 'audio/mpeg') as BombFormat;
    const chunk = (index: number) => join(SAMPLES, 'fever-sore-throat', 'chunks', `chunk_${index}.wav`);
    const files = await Promise.all(
      [[0, 1, 2, 3], [4, 5, 6, 7]].map(async (indexes, index) => ({
        name: `chunk_${index}.mp3`,
        bytes: await encodeAudio(mp3, { seconds: 24, source: indexes.map(chunk) }),
        type: 'audio/mpeg',
      })),
    );
    const { body } = await runSession(t, files);
    expect(body.status).toBe('completed');
    expect(body.transcript).toContain('take acetaminophen five hundred milligrams three times a day for three days');
    expect(templatesOf(body).eka_emr_template?.data).toMatchObject({ medications: [{ name: 'paracetamol', dose: { text: '500 mg' }, frequency: { text: 'three times daily' } }] });
  });

  it('without ffmpeg, skips compressed chunks with a processing error and keeps the rest', { timeout: 60_000 }, async () => {
    const t = await startEngineServer({ ...POCKETSPHINX, ffmpeg: false });
    const wav = await sampleFile('chest-pain-consultation', 'chunks/chunk_3.wav');
    const mp3 = await sampleFile('fever-sore-throat', 'fever-sore-throat.mp3');
    const { body } = await runSession(t, [
      { name: 'chunk_0.wav', bytes: wav },
      { name: 'chunk_1.mp3', bytes: mp3, type: 'audio/mpeg' },
    ]);
    expect(body).toMatchObject({ status: 'partial', audio_files_processed: 1, audio_files: ['chunk_0.wav', 'chunk_1.mp3'] });
    expect(body.processing_errors).toEqual([{ type: 'audio_file_skipped', file: 'chunk_1.mp3', message: expect.stringContaining('needs ffmpeg') }]);
    expect(body.transcript).toContain('blood pressure');
    expect(templatesOf(body).eka_emr_template?.status).toBe('success');
  });

  it('a chunk ffmpeg cannot decode is skipped; the session is partial and nothing else is lost', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    const wav = await sampleFile('chest-pain-consultation', 'chunks/chunk_3.wav');
    const { body } = await runSession(t, [
      { name: 'chunk_0.wav', bytes: wav },
      { name: 'chunk_1.mp3', bytes: new Uint8Array(2000).fill(7), type: 'audio/mpeg' },
    ]);
    expect(body.status).toBe('partial');
    expect(body.processing_errors).toEqual([{ type: 'audio_file_skipped', file: 'chunk_1.mp3', message: expect.stringContaining('could not be decoded') }]);
    expect(templatesOf(body).eka_emr_template?.data).toMatchObject({ vitals: [{ name: 'blood_pressure' }] });
  });
});

describe('bad input ends partial or failed with a clear per-template error', () => {
  it('silence: an empty transcript fails every template with insufficient_audio', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    const { body } = await runSession(t, [{ name: 'chunk_0.wav', bytes: makeWav({ seconds: 2, amplitude: 0 }) }]);
    expect(body).toMatchObject({ status: 'partial', transcript: '', audio_files: ['chunk_0.wav'] });
    for (const entry of Object.values(templatesOf(body))) {
      expect(entry).toEqual({ status: 'failed', error: { code: 'insufficient_audio', message: expect.stringContaining('no speech was recognised') } });
    }
  });

  it('speech with no clinical content: the clinical templates fail, the transcript is kept', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    const bytes = await sampleFile('chest-pain-consultation', 'chunks/chunk_0.wav'); // "Good morning. What brings you in today?"
    const { body } = await runSession(t, [{ name: 'chunk_0.wav', bytes }], { templates: ['eka_emr_template', 'transcript_template'] });
    expect(body.status).toBe('partial');
    expect(body.transcript).toMatch(/^good morning what brings you/);
    const templates = templatesOf(body);
    expect(templates.eka_emr_template).toEqual({ status: 'failed', error: { code: 'extraction_failed', message: expect.stringContaining('No clinical content') } });
    expect(templates.transcript_template).toMatchObject({ status: 'success', data: { transcript: body.transcript } });
  });

  it('a non-English session (language hint hi) fails with language_unsupported in every template', { timeout: 60_000 }, async () => {
    const t = await startEngineServer(POCKETSPHINX);
    const { body } = await runSession(t, await consultationChunks(), { language_hint: ['hi'] });
    expect(body).toMatchObject({ status: 'failed', error: { code: 'language_unsupported' }, audio_files_received: 5 });
    expect(body.error.message).toMatch(/pocketsphinx transcribes en only.*hi.*openai-compatible/);
    for (const entry of Object.values(templatesOf(body))) expect(entry).toEqual({ status: 'failed', error: body.error });
  });

  it('a transcriber that crashes fails the session with its reason', { timeout: 60_000 }, async () => {
    const crash = await fakeExecutable('pocketsphinx_continuous', 'echo "INFO: loading" >&2\necho "FATAL: acoustic model is damaged" >&2\nexit 1');
    const t = await startEngineServer({ ...POCKETSPHINX, pocketsphinxCommand: crash });
    const { body } = await runSession(t, await consultationChunks());
    expect(body).toMatchObject({ status: 'failed', error: { code: 'processing_failed', message: 'pocketsphinx exited with code 1: FATAL: acoustic model is damaged.' } });
    expect(body.audio_files).toHaveLength(5);
    for (const entry of Object.values(templatesOf(body))) expect(entry).toEqual({ status: 'failed', error: body.error });
  });

  it('a transcriber that hangs is killed at its timeout; the server does not hang', { timeout: 30_000 }, async () => {
    const hang = await fakeExecutable('pocketsphinx_continuous', 'sleep 60');
    const t = await startEngineServer({ ...POCKETSPHINX, pocketsphinxCommand: hang, pocketsphinxTimeoutMs: 1000 });
    const started = Date.now();
    const { body } = await runSession(t, await consultationChunks());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body).toMatchObject({ status: 'failed', error: { code: 'processing_failed', message: 'pocketsphinx did not finish within 1 s and was stopped.' } });
  });

  it('a transcriber binary that does not exist fails the session, saying so', { timeout: 30_000 }, async () => {
    const t = await startEngineServer({ ...POCKETSPHINX, pocketsphinxCommand: '/nonexistent/pocketsphinx_continuous' });
    const { body } = await runSession(t, await consultationChunks());
    expect(body).toMatchObject({ status: 'failed', error: { code: 'processing_failed', message: expect.stringContaining('pocketsphinx could not be started') } });
  });

  it('with no transcriber, every template names both ways to get one', { timeout: 30_000 }, async () => {
    const t = await startEngineServer({ transcriber: 'none' });
    const { body } = await runSession(t, await consultationChunks());
    expect(body).toMatchObject({ status: 'failed', error: { code: 'processing_failed', message: NO_TRANSCRIBER_MESSAGE } });
    for (const entry of Object.values(templatesOf(body))) {
      expect(entry.error?.message).toContain('apt-get install pocketsphinx pocketsphinx-en-us');
      expect(entry.error?.message).toContain('--transcriber openai-compatible --transcriber-url');
    }
  });

  it('an LLM endpoint that answers non-JSON fails its templates; the transcript and the rest are kept', { timeout: 60_000 }, async () => {
    const llm = await fakeEndpoint((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
    });
    const t = await startEngineServer({ ...POCKETSPHINX, extractor: 'openai-compatible', extractorUrl: llm.url });
    const { body } = await runSession(t, await consultationChunks(), { templates: ['eka_emr_template', 'transcript_template'] });
    expect(body.status).toBe('partial');
    expect(body.transcript).toContain('blood pressure');
    const templates = templatesOf(body);
    expect(templates.eka_emr_template).toEqual({ status: 'failed', error: { code: 'extraction_failed', message: expect.stringMatching(/LLM endpoint http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions answered something that is not JSON: <html>/) } });
    expect(templates.transcript_template?.status).toBe('success');
    expect(llm.requests[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
  });
});
