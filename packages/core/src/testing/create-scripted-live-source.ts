import type { PcmBlock } from '../audio/pcm-block';
import type { SessionAudioSource } from '../lifecycle/session-audio-source';

/** Options of `createScriptedLiveSource`. */
export interface ScriptedLiveSourceOptions {
  /** The recording, one channel. */
  pcm: Float32Array;
  /** Its sample rate in Hz. */
  sampleRate: number;
  /** The source's `description`. Default `the scripted microphone`. */
  description?: string;
}

/** A live source the test drives: 100 ms blocks of a recording, handed over only as far as the test has "spoken". */
export interface ScriptedLiveSource {
  /** The source to pass to a session (`live: true`, so the controller treats it as real-time capture). */
  readonly source: SessionAudioSource;
  /** Number of 100 ms blocks in the recording. */
  readonly total: number;
  /** Releases blocks up to `fraction` (0..1) of the recording; never takes back blocks already released. */
  captureUpTo(fraction: number): void;
  /** Releases `count` more blocks (at most up to the end of the recording). */
  capture(count: number): void;
  /** Whether the session closed the source (stop). */
  isClosed(): boolean;
}

/**
 * A microphone stand-in over PCM in memory: it yields a block only once the test released it, and ends when closed,
 * so a test decides exactly how much audio was "captured" before it stops, cuts the network or reloads.
 */
export function createScriptedLiveSource(options: ScriptedLiveSourceOptions): ScriptedLiveSource {
  const { pcm, sampleRate } = options;
  const step = sampleRate / 10;
  const blocks: PcmBlock[] = [];
  for (let at = 0; at < pcm.length; at += step) blocks.push({ channels: [pcm.subarray(at, at + step)], sampleRate });
  let closed = false;
  let wake: (() => void) | undefined;
  let released = 0;
  const source: SessionAudioSource = {
    live: true,
    description: options.description ?? 'the scripted microphone',
    open: () =>
      (async function* () {
        for (let i = 0; ; i++) {
          while (!closed && i >= released) await new Promise<void>((resolve) => (wake = resolve));
          if (i >= released || i >= blocks.length) return;
          yield blocks[i]!;
        }
      })(),
    close: () => {
      closed = true;
      wake?.();
    },
  };
  return {
    source,
    total: blocks.length,
    captureUpTo(fraction) {
      released = Math.max(released, Math.round(blocks.length * fraction));
      wake?.();
    },
    capture(count) {
      released = Math.min(blocks.length, released + count);
      wake?.();
    },
    isClosed: () => closed,
  };
}
