/** The encoder delay and padding an MP3's LAME/Xing header records, in samples per channel. */
export interface Mp3Gapless {
  /** Samples the decoder outputs before the audio: the encoder's delay plus the decoder's own 529. */
  skip: number;
  /** Samples of real audio after `skip`. */
  samples: number;
  /** The stream's sample rate. */
  sampleRate: number;
}

// Layer III decoders output 529 samples of their own delay before the first encoded sample (the LAME convention).
const DECODER_DELAY = 529;
const RATES = [
  [11025, 12000, 8000], // MPEG 2.5
  [0, 0, 0],
  [22050, 24000, 16000], // MPEG 2
  [44100, 48000, 32000], // MPEG 1
];

/**
 * Reads the gapless information of an MP3 from its first bytes: the Xing/Info frame count and the LAME tag's encoder
 * delay and padding. WebCodecs decoders (and mediabunny) output whole frames, so without this an MP3 decodes about
 * 70 ms late and long; with it the audio lines up with its source sample for sample. Undefined when the file has no
 * such header (then nothing is trimmed).
 */
export function readMp3Gapless(head: Uint8Array): Mp3Gapless | undefined {
  let offset = 0;
  // An ID3v2 tag first: 10-byte header, syncsafe size, optional 10-byte footer.
  if (head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33 && head.length >= 10) {
    offset = 10 + ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!) + (head[5]! & 0x10 ? 10 : 0);
  }
  if (offset + 4 > head.length || head[offset] !== 0xff || (head[offset + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (head[offset + 1]! >> 3) & 3;
  const layer = (head[offset + 1]! >> 1) & 3;
  const rateIndex = (head[offset + 2]! >> 2) & 3;
  const mono = head[offset + 3]! >> 6 === 3;
  if (layer !== 1 || version === 1 || rateIndex === 3) return undefined; // layer III only
  const mpeg1 = version === 3;
  const sideInfo = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const tag = offset + 4 + sideInfo;
  if (tag + 12 > head.length) return undefined;
  const id = String.fromCharCode(...head.subarray(tag, tag + 4));
  if (id !== 'Xing' && id !== 'Info') return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const flags = view.getUint32(tag + 4);
  if (!(flags & 1)) return undefined;
  const frames = view.getUint32(tag + 8);
  const lame = tag + 8 + 4 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  if (lame + 24 > head.length) return undefined;
  const encoder = String.fromCharCode(...head.subarray(lame, lame + 4));
  if (encoder !== 'LAME' && encoder !== 'Lavc' && encoder !== 'Lavf') return undefined;
  const delay = (head[lame + 21]! << 4) | (head[lame + 22]! >> 4);
  const padding = ((head[lame + 22]! & 0x0f) << 8) | head[lame + 23]!;
  const total = frames * (mpeg1 ? 1152 : 576);
  const samples = total - delay - padding;
  if (samples <= 0) return undefined;
  return { skip: delay + DECODER_DELAY, samples, sampleRate: RATES[version]![rateIndex]! };
}
