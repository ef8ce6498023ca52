import { InvalidAudioError } from '@scribe/core';
import { concatenateArrays } from '@scribe/core/internal';
import type { PacketDecoder } from './decode-media-track';

/** The Emscripten module of ogv's Vorbis decoder (libvorbis in wasm), as far as it is used here. */
interface OgvVorbisModule {
  init(callback: () => void): void;
  processHeader(packet: Uint8Array, callback: (ok: number) => void): void;
  processAudio(packet: Uint8Array, callback: (ok: number) => void): void;
  audioFormat: { channels: number; rate: number } | null;
  audioBuffer: Float32Array[] | null;
}

type OgvVorbisFactory = (options?: object) => Promise<OgvVorbisModule>;

/**
 * Splits a Vorbis decoder description (the three header packets in Xiph lacing, as Matroska's CodecPrivate and
 * WebCodecs carry them) into the identification, comment and setup packets.
 */
export function splitXiphLacing(description: Uint8Array): Uint8Array[] {
  const count = (description[0] ?? 0) + 1;
  const sizes: number[] = [];
  let at = 1;
  for (let index = 0; index < count - 1; index += 1) {
    let size = 0;
    for (;;) {
      if (at >= description.length) throw new InvalidAudioError('The Vorbis header description is truncated.');
      const value = description[at++]!;
      size += value;
      if (value < 255) break;
    }
    sizes.push(size);
  }
  sizes.push(description.length - at - sizes.reduce((sum, size) => sum + size, 0));
  if (sizes.some((size) => size < 0)) throw new InvalidAudioError('The Vorbis header description is inconsistent.');
  return sizes.map((size) => {
    const packet = description.subarray(at, at + size);
    at += size;
    return packet;
  });
}

/**
 * A Vorbis decoder (ogv's libvorbis build, BSD/MIT) primed with the track's three header packets: given as a decoder
 * description in Xiph lacing (WebM, MP4) or as the packets themselves (Ogg).
 */
export async function createVorbisPacketDecoder(description: Uint8Array | Uint8Array[], label: string): Promise<PacketDecoder> {
  const headers = Array.isArray(description) ? description : splitXiphLacing(description);
  if (headers.length !== 3) throw new InvalidAudioError(`${label}: the Vorbis track has ${headers.length} header packets, not 3.`);
  const imported = (await import('ogv/dist/ogv-decoder-audio-vorbis-wasm.js')) as { default: OgvVorbisFactory };
  // A module instance per track: its wasm memory is the decoder's state, and goes with it to the garbage collector.
  let module: OgvVorbisModule | undefined = await imported.default({});
  const instance = module;
  instance.init(() => undefined);
  for (const header of headers) {
    let ok = 0;
    instance.processHeader(header, (result) => (ok = result));
    if (!ok) throw new InvalidAudioError(`${label}: libvorbis rejected the Vorbis headers.`);
  }
  if (!instance.audioFormat) throw new InvalidAudioError(`${label}: the Vorbis headers give no audio format.`);
  const { rate } = instance.audioFormat;
  return {
    sampleRate: rate,
    decode(packets) {
      if (!module) throw new InvalidAudioError(`${label}: the Vorbis decoder was already released.`);
      const planes: Float32Array[][] = [];
      for (const packet of packets) {
        module.audioBuffer = null;
        module.processAudio(packet, () => undefined);
        // Set by the module's output callback during processAudio; the first audio packet only primes the overlap.
        const output = module.audioBuffer as Float32Array[] | null;
        if (output && output[0]!.length > 0) planes.push(output);
      }
      return planes.length === 0 ? undefined : joinPlanes(planes);
    },
    free: () => {
      module = undefined;
    },
  };
}

function joinPlanes(blocks: Float32Array[][]): Float32Array[] {
  if (blocks.length === 1) return blocks[0]!;
  return blocks[0]!.map((_, channel) => concatenateArrays(Float32Array, blocks.map((block) => block[channel]!)));
}
