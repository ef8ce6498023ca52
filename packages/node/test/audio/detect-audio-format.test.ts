import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudio, detectAudioFormat } from '../../src/audio';
import { FIXTURES, collectMono } from './support/audio-test-helpers';

const head = async (file: string, bytes = 64 * 1024) => (await readFile(join(FIXTURES, file))).subarray(0, bytes);

/** An ID3v2.4 tag of `size` body bytes (synchsafe size), as taggers put in front of mp3 and sometimes FLAC. */
function id3Tag(size: number): Buffer {
  const header = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([header, Buffer.alloc(size)]);
}

describe('detectAudioFormat reads the first bytes, not the name', () => {
  it.each([
    ['speech.wav', 'wav', 'pcm'],
    ['speech-float32.wav', 'wav', 'pcm'],
    ['speech.mp3', 'mp3', 'mp3'],
    ['silence.mp3', 'mp3', 'mp3'],
    ['speech-opus.ogg', 'ogg', 'opus'],
    ['speech-vorbis.ogg', 'ogg', 'vorbis'],
    ['speech-flac.ogg', 'ogg', 'flac'],
    ['speech.flac', 'flac', 'flac'],
    ['speech-opus.webm', 'webm', 'opus'],
    ['speech-vorbis.webm', 'webm', 'vorbis'],
    ['speech-opus.mp4', 'mp4', 'opus'],
    ['speech-aac.m4a', 'mp4', 'aac'],
  ])('%s is %s/%s', async (file, container, codec) => {
    expect(detectAudioFormat(await head(file))).toEqual({ container, codec });
  });

  it('cannot name the codec of an mp4 whose index is beyond the bytes given', async () => {
    expect(detectAudioFormat(await head('speech-aac.m4a', 1024))).toEqual({ container: 'mp4', codec: 'unknown' });
  });

  it('finds mp3 behind an ID3 tag, and FLAC behind one too', async () => {
    const mp3 = await readFile(join(FIXTURES, 'speech.mp3'));
    expect(detectAudioFormat(Buffer.concat([id3Tag(300), mp3]))).toEqual({ container: 'mp3', codec: 'mp3' });
    const flac = await readFile(join(FIXTURES, 'speech.flac'));
    expect(detectAudioFormat(Buffer.concat([id3Tag(300), flac]))).toEqual({ container: 'flac', codec: 'flac' });
  });

  it('lets the extension decide only what the bytes cannot: an ID3 tag longer than the bytes given', () => {
    const tagOnly = id3Tag(100_000).subarray(0, 4096);
    expect(detectAudioFormat(tagOnly)).toEqual({ container: 'mp3', codec: 'mp3' });
    expect(detectAudioFormat(tagOnly, { extension: '.aac' })).toEqual({ container: 'aac', codec: 'aac' });
  });

  it('ignores a misleading extension', async () => {
    expect(detectAudioFormat(await head('speech-opus.webm'), { extension: 'mp3' })).toEqual({ container: 'webm', codec: 'opus' });
    expect(detectAudioFormat(await head('speech.mp3'), { extension: 'wav' })).toEqual({ container: 'mp3', codec: 'mp3' });
  });

  it('finds mp3 frames behind leading junk only when several follow each other', async () => {
    const mp3 = await readFile(join(FIXTURES, 'speech.mp3'));
    expect(detectAudioFormat(Buffer.concat([Buffer.alloc(1000), mp3]))).toEqual({ container: 'mp3', codec: 'mp3' });
    // One header-shaped pair of bytes in junk is not enough.
    const lone = Buffer.alloc(4000, 0x20);
    lone.set([0xff, 0xfb, 0x90, 0x64], 100);
    lone[0] = 0x01;
    expect(() => detectAudioFormat(lone)).toThrow(/unsupported or unrecognised audio format/);
  });

  it('recognises AAC in ADTS framing', async () => {
    const adts = Buffer.from([0xff, 0xf1, 0x60, 0x40, 0x10, 0x9f, 0xfc]);
    expect(detectAudioFormat(adts)).toEqual({ container: 'aac', codec: 'aac' });
  });

  it('throws InvalidAudioError for empty input, text and unknown bytes', () => {
    expect(() => detectAudioFormat(new Uint8Array(0), { label: 'x.wav' })).toThrow('x.wav is empty (0 bytes).');
    expect(() => detectAudioFormat(Buffer.from('hello,world\n1,2\n'))).toThrow('audio looks like a text file, not audio (starts with "hello,world 1,2").');
    const unknown = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(() => detectAudioFormat(unknown)).toThrow('audio: unsupported or unrecognised audio format (first bytes de ad be ef 00 01 02 03 04 05 06 07 08 09 0a 0b)');
    try {
      detectAudioFormat(unknown);
    } catch (error) {
      expect(error).toMatchObject({ name: 'InvalidAudioError', code: 'invalid_audio' });
    }
  });
});

describe('decodeAudio on detected oddities', () => {
  it('decodes mp3 behind an ID3 tag and behind leading junk like the plain file', async () => {
    const mp3 = await readFile(join(FIXTURES, 'speech.mp3'));
    const plain = await collectMono(decodeAudio(mp3));
    for (const bytes of [Buffer.concat([id3Tag(2000), mp3]), Buffer.concat([Buffer.alloc(1000), mp3])]) {
      const decoded = await collectMono(decodeAudio(bytes));
      expect(Math.abs(decoded.samples.length - plain.samples.length)).toBeLessThanOrEqual(1152);
    }
  });

  it('names an Ogg stream of an unsupported codec', async () => {
    const ogg = Buffer.concat([Buffer.from('OggS\0\x02'), Buffer.alloc(20), Buffer.from([1, 30]), Buffer.from('\x80theora'), Buffer.alloc(60)]);
    await expect(collectMono(decodeAudio(ogg))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('Ogg file whose codec is not supported') });
  });
});
