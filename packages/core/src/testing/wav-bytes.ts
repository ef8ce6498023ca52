/**
 * A canonical 44-byte-header PCM WAV file of `seconds` of silence (16 kHz mono 16-bit by default), for tests that
 * need real chunk bytes with a readable duration.
 */
export function createWavBytes(seconds: number, sampleRate = 16000, channels = 1): Uint8Array {
  const blockAlign = channels * 2;
  const dataSize = Math.round(seconds * sampleRate) * blockAlign;
  const bytes = new Uint8Array(44 + dataSize);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataSize, true);
  return bytes;
}
