import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, InvalidAudioError, type ScribeClient, type UploadResult } from '@scribe/node';
import { ffmpegChildrenAfter } from '../support/ffmpeg-children';
import { createTempDirectory } from '../support/temp-directory';
import {
  FIXTURES,
  endRequests,
  pcmBytesOfWav,
  startUploadHarness,
  uploadRequests,
  type UploadHarness,
} from './support/upload-test-helpers';

// Bad input through the client API. Each case must reject with the named error and a message that says what was
// wrong, within its timeout, having sent nothing: no upload, no end, the session still `created`.
const TIMEOUT = 10_000;
const EXTENSIONS = ['wav', 'mp3', 'ogg', 'opus', 'webm', 'flac', 'm4a', 'mp4', 'aac'];
const SPEECH_FILES = [
  'speech.wav',
  'speech-24bit.wav',
  'speech-44100-stereo.wav',
  'speech-float32.wav',
  'speech-8bit.wav',
  'speech.mp3',
  'speech-opus.ogg',
  'speech-vorbis.ogg',
  'speech-flac.ogg',
  'speech-opus.webm',
  'speech-vorbis.webm',
  'speech.flac',
  'speech-opus.mp4',
  'speech-aac.m4a',
];

type Upload = (client: ScribeClient, sessionId: string) => Promise<UploadResult>;

async function expectRefused(h: UploadHarness, upload: Upload, errorClass: typeof InvalidAudioError | typeof ConfigError, message: string | RegExp): Promise<string> {
  const session = await h.client.createSession();
  const error = await upload(h.client, session.sessionId).then(
    (count) => new Error(`resolved with ${count} chunk(s) instead of rejecting`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(errorClass);
  const text = (error as Error).message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect(uploadRequests(h.t, session.sessionId), 'no upload request').toEqual([]);
  expect(endRequests(h.t, session.sessionId), 'no end request').toEqual([]);
  const state = await h.client.sessions.get(session.sessionId);
  expect(state.status).toBe('created');
  expect(state.audioFiles).toEqual([]);
  return text;
}

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('uploadAudioFile refuses unusable files before sending anything', () => {
  it.each(EXTENSIONS)('an empty .%s file', { timeout: TIMEOUT }, async (extension) => {
    const h = await startUploadHarness();
    const path = join(createTempDirectory(), `empty.${extension}`);
    writeFileSync(path, new Uint8Array(0));
    await expectRefused(h, (client, id) => client.uploadAudioFile(id, path), InvalidAudioError, `Audio file ${path} is empty (0 bytes).`);
  });

  // Cut inside the header (30 bytes), and cut before the first word (3% of the file: the first 0.24 s or less).
  describe.each([
    { name: 'in its header (30 bytes)', cut: () => 30 },
    { name: 'before the first word (3% of its bytes)', cut: (length: number) => Math.floor(length * 0.03) },
  ])('a file cut short $name', ({ cut }) => {
    it.each(SPEECH_FILES)('%s', { timeout: TIMEOUT }, async (file) => {
      const h = await startUploadHarness();
      const bytes = readFileSync(join(FIXTURES, file));
      const path = join(createTempDirectory(), `truncated-${file}`);
      writeFileSync(path, bytes.subarray(0, cut(bytes.length)));
      // What was wrong, in the words of the part that found it: the header ends early, there is no audio in it, it is
      // damaged or cut short, or what audio there is holds no speech.
      const explained = /ends after \d+ bytes|ends inside|cut short|has no audio track|contains no audio samples|No speech was found/;
      const message = await expectRefused(h, (client, id) => client.uploadAudioFile(id, path), InvalidAudioError, explained);
      expect(message).toContain(path);
      expect(await ffmpegChildrenAfter(2000)).toEqual([]);
    });
  });

  it.each(EXTENSIONS)('random bytes named .%s', { timeout: TIMEOUT }, async (extension) => {
    const h = await startUploadHarness();
    const path = join(createTempDirectory(), `random.${extension}`);
    writeFileSync(path, randomBytes(20_000, extension.length * 7919));
    await expectRefused(
      h,
      (client, id) => client.uploadAudioFile(id, path),
      InvalidAudioError,
      new RegExp(`^${escape(path)}: unsupported or unrecognised audio format \\(first bytes ([0-9a-f]{2} ){15}[0-9a-f]{2}\\); supported: wav, mp3`),
    );
  });

  it.each(['notes.txt', 'notes.wav', 'transcript.mp3', 'visit.m4a'])('a text file named %s', { timeout: TIMEOUT }, async (name) => {
    const h = await startUploadHarness();
    const path = join(createTempDirectory(), name);
    writeFileSync(path, 'Doctor: Good morning. What brings you in today?\nPatient: Chest pain, for three days.\n');
    await expectRefused(
      h,
      (client, id) => client.uploadAudioFile(id, path),
      InvalidAudioError,
      new RegExp(`^${escape(path)} looks like a text file, not audio \\(starts with "Doctor: Good morning`),
    );
  });

  it('a directory', { timeout: TIMEOUT }, async () => {
    const h = await startUploadHarness();
    const path = join(createTempDirectory(), 'visit.wav');
    mkdirSync(path);
    await expectRefused(h, (client, id) => client.uploadAudioFile(id, path), InvalidAudioError, `Audio path ${path} is a directory, not an audio file.`);
  });

  it('a missing path', { timeout: TIMEOUT }, async () => {
    const h = await startUploadHarness();
    const path = join(createTempDirectory(), 'no-such-visit.wav');
    await expectRefused(h, (client, id) => client.uploadAudioFile(id, path), InvalidAudioError, `Audio file not found: ${path}`);
  });

  it('an m4a (AAC) with ffmpeg missing → ConfigError saying how to install it', { timeout: TIMEOUT }, async () => {
    const h = await startUploadHarness();
    const message = await expectRefused(
      h,
      (client, id) => client.uploadAudioFile(id, join(FIXTURES, 'speech-aac.m4a'), { ffmpegPath: '/nonexistent/ffmpeg' }),
      ConfigError,
      /^Decoding AAC audio in MP4\/M4A needs the ffmpeg program, which was not found \(tried "\/nonexistent\/ffmpeg"\)\./,
    );
    expect(message).toContain('apt-get install -y ffmpeg');
    expect(message).toContain('ffmpegPath');
  });
});

describe('uploadPcm refuses unusable PCM before sending anything', () => {
  const speech = () => pcmBytesOfWav(join(FIXTURES, 'speech.wav')).pcm;
  const once = (bytes: Uint8Array) => (async function* () {
    yield bytes;
  })();
  const cases: { name: string; upload: Upload; message: string }[] = [
    { name: 'a zero-length Buffer', upload: (c, id) => c.uploadPcm(id, Buffer.alloc(0), { sampleRate: 16000 }), message: 'Raw PCM input has no audio (0 bytes).' },
    { name: 'an empty stream', upload: (c, id) => c.uploadPcm(id, once(new Uint8Array(0)), { sampleRate: 16000 }), message: 'Raw PCM input has no audio (0 bytes).' },
    {
      name: 'an odd-length Buffer',
      upload: (c, id) => c.uploadPcm(id, Buffer.alloc(1001), { sampleRate: 16000 }),
      message: 'Raw PCM input must be 16-bit little-endian mono, but has an odd length of 1001 bytes.',
    },
    {
      name: 'an odd-length Buffer holding speech',
      upload: (c, id) => c.uploadPcm(id, Buffer.concat([speech(), Buffer.alloc(1)]), { sampleRate: 16000 }),
      message: `Raw PCM input must be 16-bit little-endian mono, but has an odd length of ${2 * 130480 + 1} bytes.`,
    },
    {
      name: 'a stream of speech whose total length is odd (a torn last sample)',
      upload: (c, id) => c.uploadPcm(id, once(Buffer.concat([speech(), Buffer.alloc(1)])), { sampleRate: 16000 }),
      message: `Raw PCM input must be 16-bit little-endian mono, but has an odd length of ${2 * 130480 + 1} bytes.`,
    },
    ...[0, 1_000_000, -16000, 16000.5, Number.NaN].flatMap((sampleRate) => [
      {
        name: `sample rate ${sampleRate} (Buffer)`,
        upload: ((c, id) => c.uploadPcm(id, speech(), { sampleRate })) as Upload,
        message: `Raw PCM input has sample rate ${sampleRate} Hz; it must be a whole number of Hz from 4000 to 768000.`,
      },
      {
        name: `sample rate ${sampleRate} (stream)`,
        upload: ((c, id) => c.uploadPcm(id, once(speech()), { sampleRate })) as Upload,
        message: `Raw PCM input has sample rate ${sampleRate} Hz; it must be a whole number of Hz from 4000 to 768000.`,
      },
    ]),
  ];

  it.each(cases)('$name', { timeout: TIMEOUT }, async ({ upload, message }) => {
    const h = await startUploadHarness();
    await expectRefused(h, upload, InvalidAudioError, message);
  });

  it('a missing sampleRate', { timeout: TIMEOUT }, async () => {
    const h = await startUploadHarness();
    await expectRefused(h, (c, id) => c.uploadPcm(id, speech(), {} as { sampleRate: number }), InvalidAudioError, /Raw PCM input has sample rate undefined Hz/);
  });
});

describe('a file cut in the middle', () => {
  it.each(SPEECH_FILES)('%s at 50%%: uploads the speech it holds and ends, or refuses it without ending the session', { timeout: TIMEOUT }, async (file) => {
    const h = await startUploadHarness();
    const bytes = readFileSync(join(FIXTURES, file));
    const path = join(createTempDirectory(), `half-${file}`);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const session = await h.client.createSession();
    const outcome = await h.client.uploadAudioFile(session.sessionId, path).then(
      ({ acknowledged: count }) => ({ count }),
      (error: unknown) => ({ error }),
    );
    if ('count' in outcome) {
      expect(outcome.count).toBeGreaterThanOrEqual(1);
      expect(uploadRequests(h.t, session.sessionId)).toHaveLength(outcome.count);
      expect(endRequests(h.t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: outcome.count }]);
    } else {
      expect(outcome.error).toBeInstanceOf(InvalidAudioError);
      expect((outcome.error as Error).message).toContain(path);
      expect(endRequests(h.t, session.sessionId)).toEqual([]);
      expect((await h.client.sessions.get(session.sessionId)).status).toBe('created');
    }
    expect(await ffmpegChildrenAfter(2000)).toEqual([]);
  });
});
