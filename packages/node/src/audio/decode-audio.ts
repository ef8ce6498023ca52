import { AbortError, InvalidAudioError, ScribeError, wavPcmBlocks, type PcmBlock } from '@scribe/core/internal';
import { decodeMp3 } from './decode-mp3';
import { decodeWithFfmpeg, type FfmpegInput } from './decode-with-ffmpeg';
import { detectAudioFormat, firstMpegFrame, type DetectedAudioFormat } from './detect-audio-format';
import { openAudioInput, type AudioInput, type OpenedAudioInput } from './open-audio-input';
import { openMediaContainer, type MediaContainer } from './open-media-container';
import { spoolToTempFile } from './spool-to-temp-file';
import { decodeFlac, decodeOggFlac } from './flac/decode-flac';
import { createOpusPacketDecoder } from './tracks/create-opus-packet-decoder';
import { createVorbisPacketDecoder } from './tracks/create-vorbis-packet-decoder';
import { decodeMediaTrack, type PacketDecoder } from './tracks/decode-media-track';
import { decodeOggTrack } from './tracks/decode-ogg-track';
import { decodeWebmTrack } from './tracks/decode-webm-track';

/** Options for `decodeAudio`. */
export interface DecodeAudioOptions {
  /** Stops decoding: iteration throws `AbortError`, and decoders and ffmpeg processes are released. */
  signal?: AbortSignal;
  /**
   * An extension (`mp3`, `.m4a`) for bytes and streams, which have no file name; like a path's extension it only
   * breaks ties the bytes leave open. Default: none.
   */
  formatHint?: string;
  /**
   * The rate the caller will resample to. Opus decodes straight to it when it is 8, 12, 16, 24 or 48 kHz, and ffmpeg
   * (AAC) converts to it; other formats keep their own rate, which every block states. Default 16000.
   */
  preferredSampleRate?: number;
  /** The ffmpeg executable, needed only for AAC (m4a, mp4, aac) and rarer codecs in MP4/WebM. Default: `ffmpeg`. */
  ffmpegPath?: string;
}

/** Bytes read up front for format detection; also how far a scan for an mp3 frame behind leading junk reaches. */
const HEAD_BYTES = 64 * 1024;

type Cleanup = () => Promise<unknown>;

/**
 * Decodes an audio file (path, `file:` URL, bytes or byte stream) into blocks of float PCM as it reads, so memory
 * stays bounded whatever the length. Formats are told from the bytes: WAV, mp3, Ogg (Opus, Vorbis, FLAC), FLAC, and
 * Opus or Vorbis in WebM/MP4 decode in-process; AAC (m4a, ADTS) goes through a system ffmpeg. Unusable input throws
 * `InvalidAudioError`; a needed but missing ffmpeg throws `ConfigError`. Nothing is opened until iteration starts.
 */
export function decodeAudio(source: AudioInput, options: DecodeAudioOptions = {}): AsyncIterable<PcmBlock> {
  return decodeAudioBlocks(source, options);
}

async function* decodeAudioBlocks(source: AudioInput, options: DecodeAudioOptions): AsyncGenerator<PcmBlock> {
  const { signal } = options;
  if (signal?.aborted) throw new AbortError();
  const opened = await openAudioInput(source, HEAD_BYTES);
  const cleanups: Cleanup[] = [() => opened.close()];
  try {
    const format = detectAudioFormat(opened.head, { extension: opened.extension || options.formatHint, label: opened.label });
    let samples = 0;
    for await (const block of decodeFormat(opened, format, options, cleanups)) {
      if (signal?.aborted) throw new AbortError();
      samples += block.channels[0]?.length ?? 0;
      yield block;
    }
    if (signal?.aborted) throw new AbortError();
    if (samples === 0) throw new InvalidAudioError(`${opened.label} contains no audio samples (${describe(format)}).`);
  } catch (error) {
    throw toScribeError(error, opened.label, signal);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

function decodeFormat(opened: OpenedAudioInput, format: DetectedAudioFormat, options: DecodeAudioOptions, cleanups: Cleanup[]): AsyncIterable<PcmBlock> {
  const { label } = opened;
  const common = { label, signal: options.signal };
  switch (format.container) {
    case 'wav':
      // core's streaming parser; a file cut short yields every complete sample frame it holds, like the other formats.
      return wavPcmBlocks(opened.chunks(), { signal: options.signal });
    case 'mp3':
      return decodeMp3(opened.chunks(), { ...common, mono: firstMpegFrame(opened.head)?.channels === 1 });
    case 'flac':
      return decodeFlac(opened.chunks(), common);
    case 'aac':
      return decodeWithFfmpeg(ffmpegInput(opened), ffmpegOptions(options, label, 'AAC audio (.aac)'));
    case 'ogg':
      if (format.codec === 'flac') return decodeOggFlac(opened.chunks(), common);
      if (format.codec === 'opus' || format.codec === 'vorbis') {
        return decodeOggTrack(opened.chunks(), { codec: format.codec, preferredSampleRate: options.preferredSampleRate ?? 16000, label, signal: options.signal });
      }
      // The first page holds the codec's identification packet right after its segment table; a file that ends
      // before it is cut short, not in an unsupported codec.
      if (opened.head.length < 27 + (opened.head[26] ?? 0) + 8) throw new InvalidAudioError(`${label} is an Ogg file cut short: it ends before its codec header (${opened.head.length} bytes).`);
      throw new InvalidAudioError(`${label} is an Ogg file whose codec is not supported; Opus, Vorbis and FLAC are.`);
    case 'webm':
      if (format.codec === 'opus' || format.codec === 'vorbis') {
        return decodeWebmTrack(opened.chunks(), { preferredSampleRate: options.preferredSampleRate ?? 16000, label, signal: options.signal });
      }
      return decodeContainer(opened, format, options, cleanups);
    case 'mp4':
      return decodeContainer(opened, format, options, cleanups);
  }
}

/** WebM and MP4: demux with mediabunny; Opus and Vorbis decode in wasm, other codecs in ffmpeg. */
async function* decodeContainer(
  opened: OpenedAudioInput,
  format: DetectedAudioFormat,
  options: DecodeAudioOptions,
  cleanups: Cleanup[],
): AsyncGenerator<PcmBlock> {
  let readable = opened;
  // Opus and Vorbis in WebM demux front to back, so a stream is decoded as it arrives; anything else may need to
  // seek (an mp4 index at the end) or to be read twice (probe, then ffmpeg), so a stream goes to a temporary file.
  const sequential = (format.codec === 'opus' || format.codec === 'vorbis') && format.container !== 'mp4';
  if (!opened.path && !opened.bytes && !sequential) {
    const temp = await spoolToTempFile(opened.chunks(), format.container, options.signal);
    cleanups.push(temp.remove);
    readable = { ...opened, path: temp.path };
  }
  let codecName = 'aac';
  // AAC told from the first bytes goes to ffmpeg without loading the demuxer (about 20 MB of memory) to learn it.
  if (format.codec !== 'aac') {
    const container = await openMediaContainer(readable, options.signal);
    cleanups.push(async () => container.input.dispose());
    const decoder = await packetDecoderFor(container.codec, container.track, options, opened.label);
    if (decoder) {
      yield* decodeMediaTrack(container.track, decoder, { signal: options.signal });
      return;
    }
    container.input.dispose();
    codecName = container.codec ?? 'unknown';
  }
  const formatName = `${codecName.toUpperCase()} audio in ${format.container === 'mp4' ? 'MP4/M4A' : format.container.toUpperCase()}`;
  // From a pipe ffmpeg cannot reach an mp4 index stored at the end, so bytes go to a temporary file.
  if (!readable.path && format.container === 'mp4') {
    const temp = await spoolToTempFile(readable.chunks(), 'mp4', options.signal);
    cleanups.push(temp.remove);
    readable = { ...readable, path: temp.path };
  }
  yield* decodeWithFfmpeg(ffmpegInput(readable), ffmpegOptions(options, opened.label, formatName));
}

/** A wasm decoder for the codecs decoded in-process; undefined for those left to ffmpeg (AAC and the rest). */
async function packetDecoderFor(codec: string | null, track: MediaContainer['track'], options: DecodeAudioOptions, label: string): Promise<PacketDecoder | undefined> {
  if (codec !== 'opus' && codec !== 'vorbis') return undefined;
  const description = (await track.getDecoderConfig())?.description;
  if (!description) throw new InvalidAudioError(`${label}: the ${codec} track has no decoder configuration.`);
  const bytes = ArrayBuffer.isView(description)
    ? new Uint8Array(description.buffer, description.byteOffset, description.byteLength)
    : new Uint8Array(description);
  if (codec === 'opus') return createOpusPacketDecoder(bytes, options.preferredSampleRate ?? 16000, label);
  return createVorbisPacketDecoder(bytes, label);
}

function ffmpegInput(opened: OpenedAudioInput): FfmpegInput {
  return opened.path ? { path: opened.path } : { chunks: opened.chunks() };
}

function ffmpegOptions(options: DecodeAudioOptions, label: string, formatName: string) {
  return { ffmpegPath: options.ffmpegPath, sampleRate: options.preferredSampleRate ?? 16000, formatName, label, signal: options.signal };
}

function describe(format: DetectedAudioFormat): string {
  return format.codec === 'unknown' || format.codec === format.container ? format.container : `${format.codec} in ${format.container}`;
}

function toScribeError(error: unknown, label: string, signal: AbortSignal | undefined): ScribeError {
  if (signal?.aborted) return ScribeError.is(error) && error.code === 'aborted' ? error : new AbortError(undefined, { cause: error });
  // Errors from shared parsers (core's WAV reader, for one) do not know which file they were reading.
  if (ScribeError.is(error) && error.code === 'invalid_audio' && !error.message.includes(label)) {
    return new InvalidAudioError(`${label}: ${error.message}`, { cause: error, details: error.details });
  }
  if (ScribeError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidAudioError(`${label} could not be decoded (the file may be damaged or cut short): ${message}`, { cause: error });
}
