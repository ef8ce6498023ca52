import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { decodeAudio, type DecodeAudioOptions } from '../../src/audio';
import type { AudioInput } from '../../src/audio';
import { ffmpegChildren } from '../support/ffmpeg-children';
import { FIXTURES, collectMono } from './support/audio-test-helpers';

const EXTENSIONS = ['wav', 'mp3', 'ogg', 'opus', 'oga', 'webm', 'flac', 'm4a', 'mp4', 'aac'];
const SPEECH_FILES = [
  'speech.wav',
  'speech-24bit.wav',
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

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scribe-audio-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Decodes fully; resolves with the seconds decoded or rejects with what decodeAudio threw. */
async function decodeSeconds(input: AudioInput, options?: DecodeAudioOptions): Promise<number> {
  const decoded = await collectMono(decodeAudio(input, options));
  return decoded.samples.length / decoded.sampleRate;
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

describe('decodeAudio refuses unusable input with InvalidAudioError', () => {
  it.each(EXTENSIONS)('an empty .%s file', async (extension) => {
    const path = join(dir, `empty.${extension}`);
    await writeFile(path, new Uint8Array(0));
    await expect(decodeSeconds(path)).rejects.toMatchObject({ code: 'invalid_audio', message: `Audio file ${path} is empty (0 bytes).` });
  });

  it('empty bytes and an empty stream', async () => {
    await expect(decodeSeconds(new Uint8Array(0))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('empty') });
    await expect(decodeSeconds(Readable.from([]))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('empty') });
  });

  it.each(EXTENSIONS)('random bytes named .%s', async (extension) => {
    const path = join(dir, `random.${extension}`);
    await writeFile(path, randomBytes(20000, extension.length * 7919));
    await expect(decodeSeconds(path)).rejects.toMatchObject({
      code: 'invalid_audio',
      message: expect.stringMatching(new RegExp(`^${path}: unsupported or unrecognised audio format \\(first bytes ([0-9a-f]{2} ){15}[0-9a-f]{2}\\)`)),
    });
  });

  it('a text file, whatever its name', async () => {
    for (const name of ['notes.txt', 'notes.wav', 'transcript.mp3']) {
      const path = join(dir, name);
      await writeFile(path, 'Doctor: Good morning. What brings you in today?\nPatient: Chest pain, for three days.\n');
      await expect(decodeSeconds(path)).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('looks like a text file') });
    }
    await expect(decodeSeconds(Buffer.from('{"not": "audio"} — ünïcode'))).rejects.toMatchObject({ message: expect.stringContaining('looks like a text file') });
  });

  it('a directory', async () => {
    const path = join(dir, 'folder.wav');
    await mkdir(path, { recursive: true });
    await expect(decodeSeconds(path)).rejects.toMatchObject({ code: 'invalid_audio', message: `Audio path ${path} is a directory, not an audio file.` });
  });

  it('a missing path, and a path through a file', async () => {
    const missing = join(dir, 'no-such-file.mp3');
    await expect(decodeSeconds(missing)).rejects.toMatchObject({ code: 'invalid_audio', message: `Audio file not found: ${missing}` });
    const through = join(FIXTURES, 'speech.wav', 'inner.wav');
    await expect(decodeSeconds(through)).rejects.toMatchObject({ code: 'invalid_audio', message: `Audio file not found: ${through}` });
  });

  it('a URL that is not a file: URL, and a value that is not audio input at all', async () => {
    await expect(decodeSeconds(new URL('https://example.com/a.wav'))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('not a file: URL') });
    await expect(decodeSeconds(42 as unknown as AudioInput)).rejects.toMatchObject({ code: 'invalid_audio' });
  });

  it('formats that are recognised but not supported say what they are', async () => {
    const aiff = Buffer.concat([Buffer.from('FORM\0\0\0\x20AIFFCOMM'), Buffer.alloc(64)]);
    await expect(decodeSeconds(aiff)).rejects.toMatchObject({ message: expect.stringContaining('AIFF is not a supported audio format') });
    const speex = Buffer.concat([Buffer.from('OggS\0\x02'), Buffer.alloc(20), Buffer.from([1, 80]), Buffer.from('Speex   '), Buffer.alloc(72)]);
    await expect(decodeSeconds(speex)).rejects.toMatchObject({ message: expect.stringContaining('Speex') });
  });

  it('damage inside an mp3 is decoded around without printing to the console (mpg123 would console.error each error)', async () => {
    // Zeros over most of the file: mpg123 reports MPG123_ERR for each frame it cannot find, 28 of them here.
    const bytes = Buffer.from(await readFile(join(FIXTURES, 'speech.mp3')));
    bytes.fill(0, 2000, bytes.length - 2000);
    const printed = vi.spyOn(console, 'error');
    try {
      const seconds = await decodeSeconds(bytes);
      expect(seconds).toBeGreaterThan(0.5);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it('a stream that fails part-way', async () => {
    const bytes = await readFile(join(FIXTURES, 'speech.mp3'));
    const failing = Readable.from(
      (async function* () {
        yield bytes.subarray(0, 70000 < bytes.length ? 70000 : 20000);
        throw new Error('connection reset');
      })(),
    );
    await expect(decodeSeconds(failing)).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('connection reset') });
  });
});

describe('decodeAudio on files cut at 50%', () => {
  it.each(SPEECH_FILES)('%s yields what it holds, then finishes or throws InvalidAudioError', { timeout: 20000 }, async (file) => {
    const bytes = await readFile(join(FIXTURES, file));
    const path = join(dir, `half-${file}`);
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const whole = await decodeSeconds(join(FIXTURES, file));
    for (const input of [path, bytes.subarray(0, Math.floor(bytes.length / 2)), Readable.from([bytes.subarray(0, Math.floor(bytes.length / 2))])]) {
      try {
        const seconds = await decodeSeconds(input);
        // Compressed streams hold their audio about evenly through the file.
        expect(seconds).toBeGreaterThan(whole * 0.25);
        expect(seconds).toBeLessThan(whole * 0.8);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_audio' });
      }
    }
    expect(ffmpegChildren()).toEqual([]);
  });
});

describe('decodeAudio on files damaged in the middle', () => {
  it.each(SPEECH_FILES)('%s decodes around the damage or throws InvalidAudioError', { timeout: 20000 }, async (file) => {
    const bytes = Buffer.from(await readFile(join(FIXTURES, file)));
    // Overwrite a run of bytes a third of the way in, and flip every 97th byte after it.
    const from = Math.floor(bytes.length / 3);
    bytes.fill(0x5a, from, from + 300);
    for (let i = from + 300; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
    const whole = await decodeSeconds(join(FIXTURES, file));
    // The wasm decoders print their errors too; the SDK keeps them off the user's console.
    const printed = vi.spyOn(console, 'error');
    onTestFinished(() => printed.mockRestore());
    try {
      const seconds = await decodeSeconds(bytes);
      // Some demuxers (mediabunny on WebM) stop at the damage rather than resynchronising: that is allowed.
      expect(seconds).toBeGreaterThan(0.5);
      expect(seconds).toBeLessThan(whole * 1.5);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_audio' });
    }
    expect(printed).not.toHaveBeenCalled();
    expect(ffmpegChildren()).toEqual([]);
  });
});

describe('decodeAudio with ffmpeg (AAC)', () => {
  const m4a = join(FIXTURES, 'speech-aac.m4a');

  it('says how to install ffmpeg when it is missing (ffmpegPath)', async () => {
    await expect(decodeSeconds(m4a, { ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toMatchObject({
      code: 'config_error',
      message: expect.stringMatching(/AAC audio in MP4\/M4A needs the ffmpeg program, which was not found \(tried "\/nonexistent\/ffmpeg"\).*apt-get install -y ffmpeg/),
    });
  });

  it('says how to install ffmpeg when it is missing (empty PATH)', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(decodeSeconds(m4a)).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('apt-get install -y ffmpeg') });
    } finally {
      process.env.PATH = path;
    }
  });

  it('leaves no ffmpeg process behind after completion, an ffmpeg error, a break or an abort', { timeout: 20000 }, async () => {
    await decodeSeconds(m4a);
    expect(ffmpegChildren()).toEqual([]);

    const corrupt = await readFile(m4a);
    const mangled = Buffer.from(corrupt);
    for (let i = Math.floor(mangled.length / 4); i < mangled.length; i += 7) mangled[i] = 0xff - mangled[i]!;
    const path = join(dir, 'mangled.m4a');
    await writeFile(path, mangled);
    await decodeSeconds(path).catch((error: unknown) => expect(error).toMatchObject({ code: 'invalid_audio' }));
    expect(ffmpegChildren()).toEqual([]);

    // A slow stream (ten copies of the AAC as ADTS, 4 kB every 20 ms) keeps ffmpeg alive while we stop reading.
    const adts = execFileSync('ffmpeg', ['-v', 'error', '-i', m4a, '-c', 'copy', '-f', 'adts', 'pipe:1']);
    const slowly = () =>
      Readable.from(
        (async function* () {
          for (let copy = 0; copy < 10; copy += 1) {
            for (let at = 0; at < adts.length; at += 4000) {
              yield adts.subarray(at, at + 4000);
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          }
        })(),
      );
    for await (const block of decodeAudio(slowly(), { formatHint: 'aac' })) {
      expect(block.channels[0]!.length).toBeGreaterThan(0);
      expect(ffmpegChildren().length).toBe(1);
      break;
    }
    expect(ffmpegChildren()).toEqual([]);

    const controller = new AbortController();
    const started = performance.now();
    const run = async () => {
      for await (const _block of decodeAudio(slowly(), { signal: controller.signal })) {
        expect(ffmpegChildren().length).toBe(1);
        setTimeout(() => controller.abort(), 10);
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'aborted' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(ffmpegChildren()).toEqual([]);
  });
});

describe('decodeAudio and abort', () => {
  it('refuses to start with an aborted signal', async () => {
    await expect(decodeSeconds(join(FIXTURES, 'speech.wav'), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });

  it.each(['speech.wav', 'speech.mp3', 'speech-opus.webm', 'speech-vorbis.ogg', 'speech.flac'])('stops %s between blocks', async (file) => {
    const controller = new AbortController();
    let blocks = 0;
    const run = async () => {
      for await (const _block of decodeAudio(join(FIXTURES, file), { signal: controller.signal })) {
        blocks += 1;
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'aborted' });
    expect(blocks).toBe(1);
  });
});
