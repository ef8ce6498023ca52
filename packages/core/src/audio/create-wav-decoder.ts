import { ConfigError, InvalidAudioError } from '../errors';
import type { PcmBlock } from './pcm-block';
import { readWavSamples } from './read-wav-samples';
import { parseWavFormat, type WavFormat } from './wav-format';

/** Options of `createWavDecoder`. */
export interface WavDecoderOptions {
  /** Most sample frames per yielded block, so one big `push` never becomes one huge block. Default 16384. */
  maxBlockFrames?: number;
}

/** How much of the data chunk was missing when the input ended early. */
export interface WavTruncation {
  /** Data bytes the header declared (undefined for a streamed header with an unknown length). */
  declaredBytes: number | undefined;
  /** Data bytes present; a partial sample frame at the end is counted here but not decoded. */
  receivedBytes: number;
}

/** An incremental RIFF/WAVE parser: push bytes in pieces of any size, get PcmBlocks as soon as samples are complete. */
export interface WavDecoder {
  /** Parses the next piece; returns the blocks it completes. Throws InvalidAudioError for malformed input. */
  push(bytes: Uint8Array): PcmBlock[];
  /**
   * Ends the input. Throws InvalidAudioError when the header, `fmt ` or `data` chunk never arrived. A data chunk cut
   * short is not an error here: what arrived was already yielded, and `truncation` says how much was missing.
   */
  end(): PcmBlock[];
  /** The format, once the `fmt ` chunk has been read. */
  readonly format: WavFormat | undefined;
  /** Set by `end()` when the data chunk (or its last sample frame) was incomplete. */
  readonly truncation: WavTruncation | undefined;
}

// A data size writers use when they stream a header before knowing the length: read to the end of the input.
const UNKNOWN_SIZE = 0xffffffff;
// A fmt chunk is 16 to 40 bytes; anything this large is corruption, and refusing it bounds the header buffer.
const MAX_FMT_BYTES = 4096;

type Stage = 'riff' | 'chunk-header' | 'fmt' | 'data' | 'skip';

/**
 * Creates a streaming WAV decoder: PCM 8-bit unsigned, 16/24/32-bit signed, 32/64-bit float, and
 * WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any rate (4 kHz to 768 kHz) and channel count. Unknown
 * chunks (LIST, fact, cue ...) are skipped with their pad byte, chunks after the data chunk too.
 */
export function createWavDecoder(options: WavDecoderOptions = {}): WavDecoder {
  const maxBlockFrames = options.maxBlockFrames ?? 16384;
  if (!(maxBlockFrames >= 1)) throw new ConfigError(`maxBlockFrames must be at least 1, got ${String(maxBlockFrames)}.`);
  let stage: Stage = 'riff';
  const header = new Uint8Array(MAX_FMT_BYTES);
  let headerLength = 0;
  let need = 12; // bytes the current header stage waits for
  let skipRemaining = 0;
  let chunkPad = 0;
  let format: WavFormat | undefined;
  let dataSeen = false;
  let dataDeclared: number | undefined;
  let dataRemaining = 0;
  let dataReceived = 0;
  const carry = new Uint8Array(64 * 1024);
  let carryLength = 0;
  let truncation: WavTruncation | undefined;
  let totalBytes = 0;

  // Copies into the header buffer until `need` bytes are there; returns how many bytes of `bytes` it used.
  function gather(bytes: Uint8Array, offset: number): number {
    const take = Math.min(need - headerLength, bytes.length - offset);
    header.set(bytes.subarray(offset, offset + take), headerLength);
    headerLength += take;
    return take;
  }

  function checkRiff(): void {
    const id = ascii(header, 0, Math.min(4, headerLength));
    if (!'RIFF'.startsWith(id)) {
      const hint = id === 'RIFX' ? ' (big-endian RIFX is not supported)' : id === 'RF64' ? ' (RF64 is not supported)' : '';
      throw new InvalidAudioError(`Not a WAV file: it starts with ${JSON.stringify(id)}, not "RIFF"${hint}.`);
    }
    if (headerLength >= 12 && ascii(header, 8, 4) !== 'WAVE') throw new InvalidAudioError(`Not a WAV file: a RIFF file of type ${JSON.stringify(ascii(header, 8, 4))}, not "WAVE".`);
  }

  function onChunkHeader(): void {
    const view = new DataView(header.buffer, 0, 8);
    const id = ascii(header, 0, 4);
    const size = view.getUint32(4, true);
    chunkPad = size % 2;
    headerLength = 0;
    if (id === 'fmt ' && format === undefined) {
      if (size > MAX_FMT_BYTES) throw new InvalidAudioError(`WAV fmt chunk claims ${size} bytes; a real one is under ${MAX_FMT_BYTES}.`);
      stage = 'fmt';
      need = size;
    } else if (id === 'data' && !dataSeen) {
      if (format === undefined) throw new InvalidAudioError('WAV data chunk comes before any fmt chunk; the file is corrupt.');
      dataSeen = true;
      dataDeclared = size === UNKNOWN_SIZE ? undefined : size;
      dataRemaining = size === UNKNOWN_SIZE ? Number.POSITIVE_INFINITY : size;
      stage = 'data';
    } else {
      skipRemaining = size + chunkPad;
      stage = 'skip';
    }
  }

  function decodeData(bytes: Uint8Array, blocks: PcmBlock[]): void {
    const align = format!.blockAlign;
    dataReceived += bytes.length;
    let offset = 0;
    if (carryLength > 0) {
      const take = Math.min(align - carryLength, bytes.length);
      carry.set(bytes.subarray(0, take), carryLength);
      carryLength += take;
      offset = take;
      if (carryLength < align) return;
      emit(carry, 0, 1, blocks);
      carryLength = 0;
    }
    const frames = Math.floor((bytes.length - offset) / align);
    for (let done = 0; done < frames; ) {
      const count = Math.min(maxBlockFrames, frames - done);
      emit(bytes, offset + done * align, count, blocks);
      done += count;
    }
    const rest = bytes.subarray(offset + frames * align);
    carry.set(rest);
    carryLength = rest.length;
  }

  function emit(bytes: Uint8Array, byteOffset: number, frames: number, blocks: PcmBlock[]): void {
    const channels = Array.from({ length: format!.channelCount }, () => new Float32Array(frames));
    readWavSamples(bytes, byteOffset, frames, format!, channels, 0);
    blocks.push({ channels, sampleRate: format!.sampleRate });
  }

  function step(bytes: Uint8Array, offset: number, blocks: PcmBlock[]): number {
    switch (stage) {
      case 'riff': {
        const used = gather(bytes, offset);
        checkRiff();
        if (headerLength === need) {
          stage = 'chunk-header';
          headerLength = 0;
          need = 8;
        }
        return used;
      }
      case 'chunk-header': {
        const used = gather(bytes, offset);
        if (headerLength === need) onChunkHeader();
        return used;
      }
      case 'fmt': {
        const used = gather(bytes, offset);
        if (headerLength === need) {
          format = parseWavFormat(header.subarray(0, need));
          if (format.blockAlign > carry.length) throw new InvalidAudioError(`WAV sample frames of ${format.blockAlign} bytes are too large.`);
          skipRemaining = chunkPad;
          stage = 'skip';
        }
        return used;
      }
      case 'data': {
        const take = Math.min(dataRemaining, bytes.length - offset);
        decodeData(bytes.subarray(offset, offset + take), blocks);
        dataRemaining -= take;
        if (dataRemaining === 0) {
          skipRemaining = chunkPad;
          stage = 'skip';
        }
        return take;
      }
      case 'skip': {
        const take = Math.min(skipRemaining, bytes.length - offset);
        skipRemaining -= take;
        if (skipRemaining === 0) {
          stage = 'chunk-header';
          headerLength = 0;
          need = 8;
        }
        return take;
      }
    }
  }

  return {
    push(bytes) {
      const blocks: PcmBlock[] = [];
      totalBytes += bytes.length;
      let offset = 0;
      // A step may use no bytes (an empty chunk); it then moves to a stage that does, so this always ends.
      while (offset < bytes.length) offset += step(bytes, offset, blocks);
      return blocks;
    },
    end() {
      if (stage === 'riff') {
        if (totalBytes === 0) throw new InvalidAudioError('The WAV input is empty (0 bytes).');
        throw new InvalidAudioError(`The WAV input ends after ${totalBytes} bytes, inside its 12-byte RIFF header.`);
      }
      if (format === undefined) throw new InvalidAudioError(`The WAV input ends after ${totalBytes} bytes without a complete fmt chunk.`);
      if (!dataSeen) throw new InvalidAudioError(`The WAV input ends after ${totalBytes} bytes without a data chunk: there is no audio.`);
      const incomplete = stage === 'data' && Number.isFinite(dataRemaining) && dataRemaining > 0;
      if (incomplete || carryLength > 0) truncation = { declaredBytes: dataDeclared, receivedBytes: dataReceived };
      carryLength = 0;
      return [];
    },
    get format() {
      return format;
    },
    get truncation() {
      return truncation;
    },
  };
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(bytes[offset + i]!);
  return text;
}
