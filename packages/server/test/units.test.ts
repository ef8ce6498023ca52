import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli-arguments.js';
import { dispositionFileName, parseContentDisposition } from '../src/audio/content-disposition.js';
import { normaliseAudioType, typeFromExtension } from '../src/audio/mime.js';
import { locateMultipartParts } from '../src/audio/multipart-file.js';
import { MultipartError } from '../src/audio/multipart.js';
import { decodeWavMono, parseWav, resample, WavFormatError } from '../src/audio/wav.js';
import { chunkIndexOf, unsafeFileNameReason } from '../src/audio/file-name.js';
import { signJwt, verifyJwt } from '../src/auth/jwt.js';
import { checkMsaVersion } from '../src/http/msa-version.js';
import { buildMultipart } from './helpers/multipart.js';
import { makeWav } from './helpers/wav.js';

describe('WAV parsing', () => {
  it('[#44] reads PCM 8/16/24/32 and float32 at any rate and channel count, with exact durations', () => {
    for (const fixture of [
      { seconds: 1, bits: 8 as const },
      { seconds: 0.5, bits: 16 as const, sampleRate: 44100, channels: 2 },
      { seconds: 0.25, bits: 24 as const, sampleRate: 48000, channels: 3 },
      { seconds: 2, bits: 32 as const, sampleRate: 8000 },
      { seconds: 0.1, bits: 32 as const, float: true, sampleRate: 22050, channels: 2 },
    ]) {
      const info = parseWav(makeWav(fixture));
      expect(info.durationSeconds).toBeCloseTo(fixture.seconds, 4);
      expect(info.channels).toBe(fixture.channels ?? 1);
      expect(info.encoding).toBe(fixture.float ? 'float' : 'pcm');
      const mono = decodeWavMono(makeWav(fixture));
      expect(mono.length).toBe(info.frames);
      expect(Math.max(...Array.from(mono, Math.abs))).toBeCloseTo(0.5, 1);
    }
  });

  it('[#44] skips unknown chunks, clamps an over-long data size, and refuses non-WAV or unsupported encodings', () => {
    const wav = makeWav({ seconds: 0.1 });
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(parseWav(withList).frames).toBe(1600);
    const streaming = Buffer.from(wav);
    streaming.writeUInt32LE(0xffffffff, 40);
    expect(parseWav(streaming).frames).toBe(1600);
    expect(() => parseWav(Buffer.from('OggS'))).toThrow(WavFormatError);
    const alaw = Buffer.from(wav);
    alaw.writeUInt16LE(6, 20);
    expect(() => parseWav(alaw)).toThrow(/unsupported/);
    const twelveBit = Buffer.from(wav);
    twelveBit.writeUInt16LE(12, 34);
    expect(() => parseWav(twelveBit)).toThrow(WavFormatError);
  });

  it('[#46] resamples to 16 kHz keeping duration and level', () => {
    const samples = decodeWavMono(makeWav({ seconds: 1, sampleRate: 44100, frequency: 200 }));
    const down = resample(samples, 44100, 16000);
    expect(down.length).toBe(16000);
    expect(Math.max(...Array.from(down, Math.abs))).toBeCloseTo(0.5, 1);
    expect(resample(new Float32Array([0, 1]), 8000, 16000)).toHaveLength(4);
  });
});

describe('content types and names', () => {
  it('[#47] normalises MIME types per 5.3 and infers from extensions', () => {
    expect(normaliseAudioType(' Audio/X-WAV ; foo=bar')).toBe('audio/wav');
    expect(normaliseAudioType('audio/ogg;codecs=opus')).toBe('audio/ogg;codecs=opus');
    expect(normaliseAudioType('audio/webm;codecs=vorbis')).toBeUndefined();
    expect(normaliseAudioType('application/ogg')).toBeUndefined();
    expect(typeFromExtension('CHUNK_1.MP3')).toBe('audio/mpeg');
    expect(typeFromExtension('chunk')).toBeUndefined();
  });

  it('[#44] file-name safety and chunk indexes', () => {
    expect(chunkIndexOf('chunk_10.wav')).toBe(10);
    expect(chunkIndexOf('chunk_010.wav')).toBeUndefined();
    expect(chunkIndexOf('a_b_3.ogg')).toBe(3);
    expect(unsafeFileNameReason('chunk_0.wav')).toBeUndefined();
    for (const name of ['', 'a/b', 'a\\b', '..', 'a..b', 'tab\there', 'é.wav', 'x'.repeat(256), '...']) expect(unsafeFileNameReason(name), name).toBeDefined();
  });

  it('[#43] parses Content-Disposition including quoted escapes and RFC 5987 filename*', () => {
    expect(dispositionFileName(parseContentDisposition('attachment; filename="chunk_0.wav"'))).toBe('chunk_0.wav');
    expect(dispositionFileName(parseContentDisposition('attachment;filename=chunk_1.wav'))).toBe('chunk_1.wav');
    expect(dispositionFileName(parseContentDisposition('attachment; filename="a\\"b;c.wav"'))).toBe('a"b;c.wav');
    expect(dispositionFileName(parseContentDisposition("attachment; filename=\"x.wav\"; filename*=UTF-8''caf%C3%A9.wav"))).toBe('café.wav');
    expect(dispositionFileName(parseContentDisposition("attachment; filename*=iso-8859-1'en'%E9t%E9.wav"))).toBe('été.wav');
    expect(dispositionFileName(parseContentDisposition('inline'))).toBeUndefined();
  });

  it('[#43] parses multipart bodies and refuses malformed ones', async () => {
    const { body } = buildMultipart([{ name: 'meta', data: '{}' }, { name: 'file', fileName: 'chunk_0.wav', contentType: 'audio/wav', data: Buffer.from([0, 13, 10, 45, 45, 255]) }], 'BOUNDARY');
    // The server finds parts in the body spooled to disk: each body goes to a file of its own.
    const dir = await mkdtemp(join(tmpdir(), 'scribe-multipart-'));
    let count = 0;
    const spooled = async (bytes: Buffer) => {
      const path = join(dir, `body-${(count += 1)}`);
      await writeFile(path, bytes);
      return path;
    };
    try {
      const parts = await locateMultipartParts(await spooled(body), 'BOUNDARY', false);
      expect(parts.map((part) => part.name)).toEqual(['meta', 'file']);
      expect([...body.subarray(parts[1]!.start, parts[1]!.end)]).toEqual([0, 13, 10, 45, 45, 255]);
      expect(parts[1]).toMatchObject({ fileName: 'chunk_0.wav', contentType: 'audio/wav' });
      await expect(locateMultipartParts(await spooled(Buffer.from('no boundary here')), 'BOUNDARY', false)).rejects.toThrow(MultipartError);
      const cut = await spooled(body.subarray(0, body.length - 20));
      await expect(locateMultipartParts(cut, 'BOUNDARY', false)).rejects.toThrow(MultipartError);
      expect((await locateMultipartParts(cut, 'BOUNDARY', true))[1]?.fileName).toBe('chunk_0.wav');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('auth and version primitives', () => {
  it('[#22] HS256 signatures verify, and expiry and tampering are detected', () => {
    const secret = Buffer.from('0123456789abcdef0123456789abcdef');
    const token = signJwt({ iss: 'x', sub: 'c', 'b-id': 'b', iat: 100, exp: 200, jti: 'j' }, secret);
    expect(verifyJwt(token, secret, 150)).toMatchObject({ ok: true, claims: { sub: 'c' } });
    expect(verifyJwt(token, secret, 200)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyJwt(token, Buffer.from('other'), 150)).toEqual({ ok: false, reason: 'bad_signature' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(verifyJwt(none, secret, 150)).toEqual({ ok: false, reason: 'unsupported_algorithm' });
  });

  it('[#11] compares versions by MAJOR.MINOR', () => {
    expect(checkMsaVersion(undefined, ['0.1'], {}).version).toBe('0.1');
    expect(checkMsaVersion('0.1.7', ['0.1.0'], {}).version).toBe('0.1.0');
    expect(() => checkMsaVersion('1', ['0.1'], {})).toThrow(/not supported/);
  });
});

describe('command line', () => {
  it('parses every option with its default', async () => {
    const defaults = await parseCommandLine([]);
    expect(defaults).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '.scribe-data', testKnobs: false });
    const parsed = await parseCommandLine(['--port', '0', '--token-lifetime', '5', '--rate-limit', '0', '--test-knobs', '--no-jwt-payload', '--session-duration', '2', '--long-poll', '0', '--webhook-retry-base-ms', '10']);
    expect(parsed).toMatchObject({ port: 0, tokenLifetimeSeconds: 5, rateLimit: false, testKnobs: true, trustJwtPayload: false, sessionDurationSeconds: 2, longPollSeconds: 0, webhooks: { retryBaseMs: 10 } });
    expect(await parseCommandLine(['--help'])).toBe('help');
    await expect(parseCommandLine(['--port', 'eighty'])).rejects.toThrow(/--port/);
    await expect(parseCommandLine(['--unknown'])).rejects.toThrow();
  });
});
