import { assertSampleRate, int16ToFloat, InvalidAudioError, type PcmBlock, type SessionAudioSource } from '@scribe/core/internal';
import type { BlobAudioSourceOptions } from '../decode/blob-audio-source';
import { blobName } from '../decode/blob-name';
import { createMicrophoneSource, type MicrophoneSourceOptions } from '../microphone/microphone-source';

/** Mono PCM already in memory: floats in [-1, 1] or 16-bit integers, at any rate from 4 kHz (resampled to 16 kHz locally). */
export interface PcmSessionAudio {
  /** The samples, one channel. Required. */
  pcm: Float32Array | Int16Array;
  /** Samples per second. Required. */
  sampleRate: number;
}

/** The microphone, opened at `start()` (call it from a user gesture). */
export interface MicrophoneSessionAudio {
  /** Capture options: device, echo cancellation, noise suppression, gain control. `{}` for the defaults. */
  microphone: MicrophoneSourceOptions;
}

/** A recording the user picked (`<input type="file">`) or any Blob: wav, mp3, m4a, webm, ogg, flac, decoded as a stream. */
export interface FileSessionAudio {
  /** The file. Required. */
  file: Blob;
  /** Decoding limits. Default: `BLOB_AUDIO_DEFAULTS`. */
  decode?: BlobAudioSourceOptions;
}

/**
 * Where a browser session's audio comes from: the microphone, a File or Blob, PCM in memory, or any core
 * `SessionAudioSource`. {@link toSessionAudioSource} is the one place that turns a description into the controller's port.
 */
export type BrowserSessionAudio = MicrophoneSessionAudio | FileSessionAudio | PcmSessionAudio | SessionAudioSource;

// Frames per block handed to the pipeline: the decoder's default block size, so PCM and WAV cut identically.
const BLOCK_FRAMES = 16384;

/** Turns a browser audio description into the controller's audio-source port. */
export function toSessionAudioSource(audio: BrowserSessionAudio): SessionAudioSource {
  if ('open' in audio) return audio;
  if ('pcm' in audio) return pcmSource(audio);
  if ('microphone' in audio) return createMicrophoneSource(audio.microphone ?? {});
  if ('file' in audio) {
    if (!(audio.file instanceof Blob)) throw new InvalidAudioError('The session audio { file } must be a File or a Blob.');
    return fileSource(audio);
  }
  throw new InvalidAudioError('The session audio must be { microphone }, { file }, { pcm, sampleRate } or a SessionAudioSource.');
}

/**
 * A File or Blob, decoded by the blob source loaded on first use: file decoding (the demuxers, about 180 kB gzip) is a
 * separate chunk in an app's bundle, fetched only when a session reads a file.
 */
function fileSource({ file, decode }: FileSessionAudio): SessionAudioSource {
  const name = blobName(file, decode?.name);
  return {
    live: false,
    description: name,
    open: async (signal) => {
      const { createBlobAudioSource } = await import('../decode/blob-audio-source');
      return createBlobAudioSource(file, { ...decode, name }).open(signal);
    },
  };
}

function pcmSource(audio: PcmSessionAudio): SessionAudioSource {
  const { pcm, sampleRate } = audio;
  assertSampleRate(sampleRate, 'The PCM input');
  if (!(pcm instanceof Float32Array || pcm instanceof Int16Array)) throw new InvalidAudioError('The PCM input must be a Float32Array or an Int16Array.');
  if (pcm.length === 0) throw new InvalidAudioError('The PCM input has no audio (0 samples).');
  return { live: false, description: 'the PCM input', open: () => pcmBlocks(pcm, sampleRate) };
}

/** Cuts mono PCM into blocks of 16384 frames; 16-bit samples become floats by core's int16ToFloat (÷ 32768), as its WAV decoder makes them. */
export function* pcmBlocks(pcm: Float32Array | Int16Array, sampleRate: number): Generator<PcmBlock, void, undefined> {
  for (let start = 0; start < pcm.length; start += BLOCK_FRAMES) {
    const end = Math.min(start + BLOCK_FRAMES, pcm.length);
    yield { channels: [pcm instanceof Float32Array ? pcm.subarray(start, end) : int16ToFloat(pcm.subarray(start, end))], sampleRate };
  }
}
