import type { PcmBlock, SessionAudioSource } from '@scribe/core/internal';

/** A live source the test drives: 100 ms blocks of a recording, handed over only as far as the test has "spoken". */
export interface ScriptedLiveSource {
  source: SessionAudioSource;
  /** Releases blocks up to `fraction` (0..1) of the recording. */
  captureUpTo(fraction: number): void;
}

/**
 * A microphone stand-in: a live `SessionAudioSource` (so the controller treats it as real-time capture) over PCM in
 * memory, which yields a block only once the test released it and ends when closed (stop).
 */
export function scriptedLiveSource(pcm: Float32Array, sampleRate: number): ScriptedLiveSource {
  const step = sampleRate / 10;
  const blocks: PcmBlock[] = [];
  for (let at = 0; at < pcm.length; at += step) blocks.push({ channels: [pcm.subarray(at, at + step)], sampleRate });
  let closed = false;
  let wake: (() => void) | undefined;
  let released = 0;
  const source: SessionAudioSource = {
    live: true,
    description: 'the scripted microphone',
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
    captureUpTo(fraction) {
      released = Math.max(released, Math.round(blocks.length * fraction));
      wake?.();
    },
  };
}
