/** Options of a synthesized WAV fixture. */
export interface WavFixture {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  /** PCM bit depth, or 32 with `float`. Default 16. */
  bits?: 8 | 16 | 24 | 32;
  float?: boolean;
  /** Sine frequency; 0 gives deterministic noise. Default 440. */
  frequency?: number;
  amplitude?: number;
}

/** Builds a canonical RIFF/WAVE file in memory: a sine (or noise) at the requested format. */
export function makeWav(fixture: WavFixture): Buffer {
  const { seconds, sampleRate = 16000, channels = 1, bits = 16, float = false, frequency = 440, amplitude = 0.5 } = fixture;
  const frames = Math.round(seconds * sampleRate);
  const bytesPerSample = bits / 8;
  const data = Buffer.alloc(frames * channels * bytesPerSample);
  let seed = 12345;
  for (let frame = 0; frame < frames; frame += 1) {
    let value: number;
    if (frequency === 0) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      value = amplitude * ((seed / 0x7fffffff) * 2 - 1);
    } else {
      value = amplitude * Math.sin((2 * Math.PI * frequency * frame) / sampleRate);
    }
    for (let channel = 0; channel < channels; channel += 1) {
      writeSample(data, (frame * channels + channel) * bytesPerSample, value, bits, float);
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(float ? 3 : 1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * bytesPerSample, 28);
  header.writeUInt16LE(channels * bytesPerSample, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function writeSample(buffer: Buffer, offset: number, value: number, bits: number, float: boolean): void {
  if (float) return void buffer.writeFloatLE(value, offset);
  switch (bits) {
    case 8:
      buffer.writeUInt8(Math.round(value * 127 + 128), offset);
      break;
    case 16:
      buffer.writeInt16LE(Math.round(value * 32767), offset);
      break;
    case 24:
      buffer.writeIntLE(Math.round(value * 8388607), offset, 3);
      break;
    default:
      buffer.writeInt32LE(Math.round(value * 2147483647), offset);
  }
}
