/** Sample rate of every fixture: the format the SDK uploads (contract 5.1). */
export const FIXTURE_SAMPLE_RATE = 16000;

/** What a synthesised WAV chunk sounds like. */
export interface WavFixtureOptions {
  /** Length in seconds. */
  seconds: number;
  /** Sine frequency in Hz; 0 gives deterministic noise. Default 440. */
  frequency?: number;
  /** Peak level, 0..1. Default 0.4. */
  amplitude?: number;
}

/** A canonical 44-byte-header RIFF/WAVE file: PCM, 16 kHz, mono, 16-bit little-endian. */
export function makeWav(options: WavFixtureOptions): Uint8Array {
  const { seconds, frequency = 440, amplitude = 0.4 } = options;
  const frames = Math.round(seconds * FIXTURE_SAMPLE_RATE);
  const bytes = new Uint8Array(44 + frames * 2);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + frames * 2, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, FIXTURE_SAMPLE_RATE, true);
  view.setUint32(28, FIXTURE_SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, frames * 2, true);
  let seed = 0x2545f491;
  for (let frame = 0; frame < frames; frame += 1) {
    let value: number;
    if (frequency === 0) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      value = (seed / 0x7fffffff) * 2 - 1;
    } else {
      value = Math.sin((2 * Math.PI * frequency * frame) / FIXTURE_SAMPLE_RATE);
    }
    view.setInt16(44 + frame * 2, Math.round(value * amplitude * 32767), true);
  }
  return bytes;
}

/** `count` chunks of `seconds` each, alternating tones and noise so no two chunks are byte-identical. */
export function makeWavChunks(count: number, seconds = 1): Uint8Array[] {
  return Array.from({ length: count }, (_, index) => makeWav({ seconds, frequency: index % 3 === 2 ? 0 : 220 + 110 * index }));
}

/** Expected `audio_files` of a session holding chunks `0..count-1` under the default names. */
export function chunkNames(count: number, start = 0): string[] {
  return Array.from({ length: count }, (_, index) => `chunk_${start + index}.wav`);
}

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let index = 0; index < text.length; index += 1) bytes[offset + index] = text.charCodeAt(index);
}
