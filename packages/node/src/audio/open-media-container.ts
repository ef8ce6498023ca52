import { ReadableStream } from 'node:stream/web';
import type { Input, InputAudioTrack } from 'mediabunny';
import { InvalidAudioError, ScribeError } from '@scribe/core';
import type { OpenedAudioInput } from './open-audio-input';

/** A demuxed container: the mediabunny input and its primary audio track. Dispose the input when done. */
export interface MediaContainer {
  /** The mediabunny input; `dispose()` releases its file handle and cache. */
  input: Input;
  /** The audio track decoding will read. */
  track: InputAudioTrack;
  /** The track's codec as mediabunny names it (`opus`, `aac`, `vorbis`, ...), or null when it does not know. */
  codec: string | null;
  /** The track's sample rate in Hz. */
  sampleRate: number;
  /** The track's channel count. */
  channels: number;
}

// The demuxer's read cache: enough for a WebM cluster or an mp4 chunk, small next to any decoded audio.
const CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Opens a WebM/Matroska, MP4/M4A or Ogg input with mediabunny: files through a ranged file source (reads only what it
 * needs, memory-bounded), bytes in place, streams sequentially. Throws `InvalidAudioError` when there is no audio.
 */
export async function openMediaContainer(opened: OpenedAudioInput, signal?: AbortSignal): Promise<MediaContainer> {
  const mediabunny = await import('mediabunny');
  // Errors while no read is pending would otherwise surface as unhandled rejections; the next read reports them.
  const handleUnhandledError = () => undefined;
  const source = opened.path
    ? new mediabunny.FilePathSource(opened.path, { maxCacheSize: CACHE_BYTES, handleUnhandledError })
    : opened.bytes
      ? new mediabunny.BufferSource(opened.bytes)
      : new mediabunny.ReadableStreamSource(ReadableStream.from(opened.chunks()) as globalThis.ReadableStream<Uint8Array>, {
          maxCacheSize: CACHE_BYTES,
          handleUnhandledError,
        });
  const input = new mediabunny.Input({ source, formats: mediabunny.ALL_FORMATS });
  const dispose = () => input.dispose();
  signal?.addEventListener('abort', dispose, { once: true });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new InvalidAudioError(`${opened.label} has no audio track.`);
    const [codec, sampleRate, channels] = await Promise.all([track.getCodec(), track.getSampleRate(), track.getNumberOfChannels()]);
    return { input, track, codec, sampleRate, channels };
  } catch (error) {
    input.dispose();
    if (ScribeError.is(error) && error.code === 'invalid_audio') throw error;
    throw new InvalidAudioError(`${opened.label} could not be read as a media container (the file may be damaged or cut short): ${messageOf(error)}`, { cause: error });
  } finally {
    signal?.removeEventListener('abort', dispose);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
