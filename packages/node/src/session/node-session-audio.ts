import { pcmBlocksFromInt16Bytes, pcmBlocksFromInt16Stream, SPEECH_SAMPLE_RATE, type Int16ByteSource, type SessionAudioSource } from '@scribe/core/internal';
import { decodeAudio, type AudioInput } from '../audio/index';
import { openMicrophone, type Microphone, type MicrophoneOptions } from '../microphone/open-microphone';

/** A file to decode locally: a path, URL, bytes or a `Readable` (WAV, MP3, Ogg, WebM, FLAC, M4A through ffmpeg). */
export interface FileSessionAudio {
  /** The file. Required. */
  file: AudioInput;
  /** A format name or extension used only to break a tie when the bytes are ambiguous. Default: the path's extension. */
  formatHint?: string;
  /** The ffmpeg executable used for AAC. Default `ffmpeg`. */
  ffmpegPath?: string;
}

/** Raw 16-bit little-endian mono PCM, whole or in pieces as they arrive. */
export interface PcmSessionAudio {
  /** The PCM. Required. */
  pcm: Uint8Array | Int16ByteSource;
  /** Samples per second. Required. */
  sampleRate: number;
}

/** The microphone, through arecord or sox (`true`: the defaults). */
export interface MicrophoneSessionAudio {
  /** Capture options, or `true` for the system default device. Required. */
  microphone: true | Omit<MicrophoneOptions, 'signal'>;
}

/** Where a Node session's audio comes from: a file, raw PCM, the microphone, or any core `SessionAudioSource`. */
export type NodeSessionAudio = FileSessionAudio | PcmSessionAudio | MicrophoneSessionAudio | SessionAudioSource;

/** Turns a Node audio description into the controller's audio-source port. */
export function toSessionAudioSource(audio: NodeSessionAudio): SessionAudioSource {
  if ('open' in audio) return audio;
  if ('file' in audio) {
    const { file, formatHint, ffmpegPath } = audio;
    return { live: false, description: describeAudioInput(file), open: (signal) => decodeAudio(file, { signal, formatHint, ffmpegPath }) };
  }
  if ('pcm' in audio) {
    const { pcm, sampleRate } = audio;
    return {
      live: false,
      description: 'the PCM input',
      open: () => (pcm instanceof Uint8Array ? pcmBlocksFromInt16Bytes(pcm, sampleRate) : pcmBlocksFromInt16Stream(pcm, sampleRate)),
    };
  }
  return microphoneSource(audio.microphone === true ? {} : audio.microphone);
}

function microphoneSource(options: Omit<MicrophoneOptions, 'signal'>): SessionAudioSource {
  let microphone: Microphone | undefined;
  return {
    live: true,
    description: 'the microphone',
    open: (signal) => {
      microphone = openMicrophone({ ...options, signal });
      return pcmBlocksFromInt16Stream(microphone, SPEECH_SAMPLE_RATE);
    },
    close: () => microphone?.stop(),
  };
}

/** Names an audio input in messages: its path or URL, or what kind of input it is. */
export function describeAudioInput(source: AudioInput): string {
  if (typeof source === 'string') return source;
  if (source instanceof URL) return source.href;
  return source instanceof Uint8Array ? `the audio bytes (${source.length} bytes)` : 'the audio stream';
}
