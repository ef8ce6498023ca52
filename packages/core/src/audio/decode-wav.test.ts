import { describe, expect, it } from 'vitest';
import { InvalidAudioError } from '../errors';
import { createWavDecoder } from './create-wav-decoder';
import { decodeWav, wavPcmBlocks } from './decode-wav';
import { encodeWav } from './encode-wav';
import type { PcmBlock } from './pcm-block';
import type { WavSampleFormat } from './wav-format';

const FORMATS: [WavSampleFormat, number][] = [
  ['pcm-u8', 1 / 128],
  ['pcm-s16', 1 / 32768],
  ['pcm-s24', 1 / 8388608],
  ['pcm-s32', 1 / 2147483648],
  ['float32', 0],
  ['float64', 0],
];

const stereo = () => [
  Float32Array.from({ length: 1001 }, (_, i) => 0.9 * Math.sin(i / 7)),
  Float32Array.from({ length: 1001 }, (_, i) => -0.6 * Math.cos(i / 3)),
];

/** Little-endian chunk builder for hand-made files. */
function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length % 2));
  out.set([...id].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, declaredSize, true);
  out.set(body, 8);
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};
const riff = (...chunks: Uint8Array[]) => {
  const body = concat(new TextEncoder().encode('WAVE'), ...chunks);
  return concat(chunk('RIFF', new Uint8Array(0), body.length).subarray(0, 8), body);
};
function fmt(fields: { tag?: number; channels?: number; rate?: number; bits?: number; blockAlign?: number; extra?: number[] }): Uint8Array {
  const { tag = 1, channels = 1, rate = 16000, bits = 16 } = fields;
  const blockAlign = fields.blockAlign ?? (channels * bits) / 8;
  const body = new Uint8Array(16 + (fields.extra?.length ?? 0));
  const view = new DataView(body.buffer);
  view.setUint16(0, tag, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, rate, true);
  view.setUint32(8, rate * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, bits, true);
  body.set(fields.extra ?? [], 16);
  return chunk('fmt ', body);
}
const pcm16 = (...values: number[]) => new Uint8Array(Int16Array.from(values).buffer);

describe('WAV round trips', () => {
  it.each(FORMATS)('%s, stereo, canonical and extensible headers', (sampleFormat, step) => {
    for (const extensible of [false, true]) {
      const input = stereo();
      const bytes = encodeWav(input, { sampleRate: 44100, sampleFormat, extensible });
      const decoded = decodeWav(bytes);
      expect(decoded.sampleRate).toBe(44100);
      expect(decoded.format.sampleFormat).toBe(sampleFormat);
      expect(decoded.format.formatCode).toBe(extensible ? 0xfffe : sampleFormat.startsWith('float') ? 3 : 1);
      expect(decoded.truncation).toBeUndefined();
      decoded.channels.forEach((channel, c) => {
        expect(channel.length).toBe(1001);
        let worst = 0;
        channel.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - input[c]![i]!))));
        expect(worst).toBeLessThanOrEqual(step / 2 + 1e-7);
      });
    }
  });

  it('writes upload chunks as canonical 44-byte 16 kHz mono 16-bit PCM', () => {
    const bytes = encodeWav(Int16Array.from([1, -1, 32767]));
    expect(bytes.length).toBe(44 + 6);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(42);
    expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true), view.getUint16(32, true), view.getUint16(34, true)]).toEqual([1, 1, 16000, 32000, 2, 16]);
    expect(new TextDecoder().decode(bytes.subarray(36, 40))).toBe('data');
    expect(view.getUint32(40, true)).toBe(6);
    expect([...decodeWav(bytes).channels[0]!].map((x) => Math.round(x * 32768))).toEqual([1, -1, 32767]);
  });

  it('encodes float mono input as 16-bit with rounding and clipping', () => {
    const decoded = decodeWav(encodeWav(Float32Array.from([2, -2, 0.5])));
    expect([...decoded.channels[0]!].map((x) => x * 32768)).toEqual([32767, -32768, 16384]);
  });
});

describe('createWavDecoder: streaming', () => {
  it('gives the same samples whether bytes come all at once or one at a time', () => {
    const bytes = encodeWav(stereo(), { sampleFormat: 'pcm-s24', sampleRate: 22050 });
    const decoder = createWavDecoder({ maxBlockFrames: 100 });
    const blocks: PcmBlock[] = [];
    for (let i = 0; i < bytes.length; i++) blocks.push(...decoder.push(bytes.subarray(i, i + 1)));
    blocks.push(...decoder.end());
    const left = blocks.flatMap((block) => [...block.channels[0]!]);
    expect(left).toEqual([...decodeWav(bytes).channels[0]!]);
  });

  it('splits a large push into blocks of at most maxBlockFrames', () => {
    const decoder = createWavDecoder({ maxBlockFrames: 300 });
    const blocks = decoder.push(encodeWav(stereo()));
    expect(blocks.map((block) => block.channels[0]!.length)).toEqual([300, 300, 300, 101]);
    expect(blocks.every((block) => block.channels.length === 2 && block.sampleRate === 16000)).toBe(true);
  });

  it('skips unknown chunks, odd-sized ones with their pad byte, before and after the data', () => {
    const list = chunk('LIST', new Uint8Array([1, 2, 3, 4, 5]));
    expect(list.length).toBe(14);
    const bytes = riff(list, fmt({}), chunk('fact', new Uint8Array(4)), chunk('data', pcm16(100, -100)), chunk('junk', new Uint8Array(3)));
    const decoded = decodeWav(bytes);
    expect([...decoded.channels[0]!].map((x) => x * 32768)).toEqual([100, -100]);
    expect(decoded.truncation).toBeUndefined();
  });

  it('pads an odd-sized 8-bit data chunk and keeps reading after it', () => {
    const bytes = riff(fmt({ bits: 8 }), chunk('data', new Uint8Array([128, 255, 0])), chunk('LIST', new Uint8Array(2)));
    expect([...decodeWav(bytes).channels[0]!]).toEqual([0, 127 / 128, -1]);
  });

  it('reads 24-bit samples in 32-bit containers and a fmt chunk with cbSize', () => {
    const body = new Uint8Array(8);
    new DataView(body.buffer).setInt32(0, 0x40000000, true);
    new DataView(body.buffer).setInt32(4, -0x40000000, true);
    const bytes = riff(fmt({ bits: 24, blockAlign: 4, extra: [0, 0] }), chunk('data', body));
    const decoded = decodeWav(bytes);
    expect(decoded.format.sampleFormat).toBe('pcm-s32');
    expect([...decoded.channels[0]!]).toEqual([0.5, -0.5]);
  });

  it('reads a streamed header whose data size is unknown (0xFFFFFFFF) to the end', () => {
    const bytes = riff(fmt({}), chunk('data', pcm16(1, 2, 3), 0xffffffff));
    expect(decodeWav(bytes).channels[0]!.length).toBe(3);
  });
});

describe('createWavDecoder: truncated and malformed input', () => {
  it('yields what is there of a truncated data chunk and reports the truncation', () => {
    const whole = encodeWav(Int16Array.from({ length: 100 }, (_, i) => i));
    const cut = whole.subarray(0, 44 + 51); // 25 samples and half of the 26th
    const decoded = decodeWav(cut);
    expect(decoded.channels[0]!.length).toBe(25);
    expect(decoded.truncation).toEqual({ declaredBytes: 200, receivedBytes: 51 });
  });

  it('streams the same way, reporting through onTruncated or refusing with rejectTruncated', async () => {
    const cut = encodeWav(new Int16Array(100)).subarray(0, 44 + 20);
    const reports: unknown[] = [];
    const blocks: PcmBlock[] = [];
    for await (const block of wavPcmBlocks([cut.subarray(0, 30), cut.subarray(30)], { onTruncated: (t) => reports.push(t) })) blocks.push(block);
    expect(blocks.reduce((sum, block) => sum + block.channels[0]!.length, 0)).toBe(10);
    expect(reports).toEqual([{ declaredBytes: 200, receivedBytes: 20 }]);
    await expect(async () => {
      for await (const _ of wavPcmBlocks(cut, { rejectTruncated: true })) void _;
    }).rejects.toThrow(/truncated: 20 bytes of 200 bytes arrived/);
  });

  it.each([
    ['empty input', new Uint8Array(0), /empty \(0 bytes\)/],
    ['not RIFF', new TextEncoder().encode('ID3\u0003 this is an mp3'), /Not a WAV file: it starts with "ID3\\u0003"/],
    ['big-endian RIFX', new TextEncoder().encode('RIFX....WAVE'), /RIFX is not supported/],
    ['RIFF but AVI', new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000AVI '), /type "AVI ", not "WAVE"/],
    ['a truncated RIFF header', new TextEncoder().encode('RIFF\u0000\u0000'), /inside its 12-byte RIFF header/],
    ['no fmt chunk', riff(), /without a complete fmt chunk/],
    ['a truncated fmt chunk', riff(fmt({})).subarray(0, 30), /without a complete fmt chunk/],
    ['no data chunk', riff(fmt({})), /without a data chunk/],
    ['data before fmt', riff(chunk('data', pcm16(1)), fmt({})), /data chunk comes before any fmt chunk/],
    ['MP3 in WAV', riff(fmt({ tag: 0x55 }), chunk('data', pcm16(1))), /MP3 \(format 0x0055\), which is not supported/],
    ['µ-law', riff(fmt({ tag: 7, bits: 8 }), chunk('data', pcm16(1))), /µ-law \(format 0x0007\)/],
    ['an unknown format code', riff(fmt({ tag: 0x1234 }), chunk('data', pcm16(1))), /format code 0x1234/],
    ['zero channels', riff(fmt({ channels: 0, blockAlign: 2 }), chunk('data', pcm16(1))), /zero channels/],
    ['an absurd sample rate', riff(fmt({ rate: 3 }), chunk('data', pcm16(1))), /sample rate 3 Hz/],
    ['a huge sample rate', riff(fmt({ rate: 50_000_000 }), chunk('data', pcm16(1))), /sample rate 50000000 Hz/],
    ['16-bit float', riff(fmt({ tag: 3, bits: 16 }), chunk('data', pcm16(1))), /IEEE float with 16-bit samples/],
    ['a short fmt chunk', riff(chunk('fmt ', new Uint8Array(10)), chunk('data', pcm16(1))), /fmt chunk is 10 bytes/],
    ['a block align that does not fit the channels', riff(fmt({ channels: 2, blockAlign: 3 }), chunk('data', pcm16(1))), /not a multiple of its 2 channels/],
  ])('refuses %s with a clear InvalidAudioError', (_name, bytes, message) => {
    let error: unknown;
    try {
      decodeWav(bytes);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidAudioError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an extensible header whose sub-format is not PCM or float', () => {
    const extra = new Array(24).fill(0);
    extra[0] = 22; // cbSize
    extra[8] = 0x55; // sub-format tag: MP3, then the standard GUID tail
    [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71].forEach((byte, i) => (extra[10 + i] = byte));
    expect(() => decodeWav(riff(fmt({ tag: 0xfffe, extra }), chunk('data', pcm16(1))))).toThrow(/MP3 \(format 0x0055\) inside WAVE_FORMAT_EXTENSIBLE/);
  });
});
