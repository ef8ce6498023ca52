/**
 * The duration in seconds of a RIFF/WAVE file, read from its header, or undefined when the bytes are not a WAV file
 * this can measure. A data size that overruns the buffer (a streamed header) is clamped to the bytes present.
 */
export function readWavDurationSeconds(bytes: Uint8Array): number | undefined {
  if (!isWav(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      byteRate = view.getUint32(body + 8, true) || sampleRate * blockAlign;
    } else if (id === 'data') {
      if (byteRate <= 0) return undefined;
      return Math.min(size, bytes.length - body) / byteRate;
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** True when the bytes start with a RIFF/WAVE header. */
export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
