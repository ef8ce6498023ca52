import type { PcmBlock, PcmBlockSource } from '../audio/pcm-block';
import { errorForAbort } from '../errors/abort';
import type { Clock } from '../ports/clock';
import { toAsyncIterator } from '../audio/to-async-iterator';

/** What the intake reports after each block taken in. */
export interface IntakeProgress {
  /** Seconds taken in so far (paused audio not counted). */
  audioSeconds: number;
  /** RMS level of this block in [0, 1], rounded to 0.01. */
  level: number;
  /** Milliseconds of intake so far, paused time excluded. */
  elapsedMs: number;
}

/** Options of `createAudioIntake`. */
export interface AudioIntakeOptions {
  /** The opened source. */
  source: PcmBlockSource;
  /** Live sources drop audio while paused; others are not read while paused. */
  live: boolean;
  /** Pauses and resumes capture at the source; then nothing read while paused is dropped. */
  pauseSource?: () => void;
  resumeSource?: () => void;
  /** Ends capture (iteration then finishes by itself); absent: `stop()` stops reading at once. */
  close?: () => void | Promise<void>;
  /** Elapsed time. */
  clock: Clock;
  /** Called after each block taken in. */
  onBlock: (progress: IntakeProgress) => void;
  /** Called once when the source has no more audio (ended by itself, by `stop`, or by its failure). */
  onEnd: () => void;
  /**
   * A live source's iterator threw (a device unplugged mid-recording): called with the error, then intake ends as if
   * stopped, so what was captured still goes on. Absent, or for a source that is not live, the error propagates.
   */
  onSourceFailed?: (error: unknown) => void;
  /** Aborts reading (cancel). */
  signal: AbortSignal;
}

/** The gate between a source and a session's pipeline: pause, stop, level and elapsed time. */
export interface AudioIntake {
  /** The blocks to send on; iterate once. */
  readonly blocks: AsyncIterable<PcmBlock>;
  /** Stops taking audio in until `resume`. Returns the elapsed milliseconds at the pause. */
  pause(): number;
  /** Takes audio in again. */
  resume(): void;
  /** Ends intake: the blocks finish with what was captured (or at once, for a source that cannot be closed). */
  stop(): Promise<void>;
}

/** Creates the intake of one session. */
export function createAudioIntake(options: AudioIntakeOptions): AudioIntake {
  const { clock, signal, live } = options;
  let paused = false;
  let stopped = false;
  let ended = false;
  let audioSeconds = 0;
  let elapsedBefore = 0;
  let activeSince: number | undefined;
  let wake: (() => void) | undefined;
  const stopWaiters = new Set<() => void>();

  const elapsedMs = () => elapsedBefore + (activeSince === undefined ? 0 : clock.now() - activeSince);
  const notifyWake = () => {
    wake?.();
    wake = undefined;
  };

  async function* read(): AsyncGenerator<PcmBlock, void, undefined> {
    const iterator = toAsyncIterator(options.source);
    activeSince = clock.now();
    let finished = false;
    try {
      for (;;) {
        if (!live) while (paused && !stopped) await waitFor((resolve) => (wake = resolve));
        if (stopped && !options.close) break;
        let next: IteratorResult<PcmBlock> | undefined;
        try {
          next = await nextOrStop(iterator);
        } catch (error) {
          if (!live || signal.aborted || !options.onSourceFailed) throw error;
          finished = true; // the source's iterator is over: nothing to return
          options.onSourceFailed(error);
          break;
        }
        if (next === undefined || next.done) {
          finished = next?.done === true;
          break;
        }
        // A live source that cannot pause itself keeps capturing: what it hands over while paused is dropped.
        if (paused && !options.pauseSource) continue;
        const block = next.value;
        const frames = block.channels[0]?.length ?? 0;
        audioSeconds += block.sampleRate > 0 ? frames / block.sampleRate : 0;
        options.onBlock({ audioSeconds, level: levelOf(block), elapsedMs: elapsedMs() });
        yield block;
      }
    } finally {
      if (!finished) void Promise.resolve(iterator.return?.()).catch(() => undefined);
      end();
    }
  }

  function end(): void {
    if (ended) return;
    ended = true;
    if (activeSince !== undefined) elapsedBefore = elapsedMs();
    activeSince = undefined;
    options.onEnd();
  }

  function waitFor(register: (resolve: () => void) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(errorForAbort(signal));
      const onAbort = () => reject(errorForAbort(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      register(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  // A cancel never waits for a source that may not yield again; a stop waits only when the source can be closed.
  async function nextOrStop(iterator: AsyncIterator<PcmBlock>): Promise<IteratorResult<PcmBlock> | undefined> {
    const next = iterator.next();
    next.catch(() => undefined);
    let onAbort: (() => void) | undefined;
    let onStop: (() => void) | undefined;
    const interrupted = new Promise<undefined>((resolve, reject) => {
      onAbort = () => reject(errorForAbort(signal));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      if (options.close) return;
      onStop = () => resolve(undefined);
      stopWaiters.add(onStop);
    });
    try {
      return await Promise.race([next, interrupted]);
    } finally {
      signal.removeEventListener('abort', onAbort!);
      if (onStop) stopWaiters.delete(onStop);
    }
  }

  return {
    blocks: { [Symbol.asyncIterator]: () => read() },
    pause() {
      if (!paused && !stopped) {
        paused = true;
        if (live) options.pauseSource?.();
        if (activeSince !== undefined) elapsedBefore = elapsedMs();
        activeSince = undefined;
      }
      return elapsedBefore;
    },
    resume() {
      if (!paused) return;
      paused = false;
      if (live) options.resumeSource?.();
      if (!ended) activeSince = clock.now();
      notifyWake();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      paused = false;
      notifyWake();
      for (const resolve of [...stopWaiters]) resolve();
      await options.close?.();
    },
  };
}

/** RMS of a block over all its channels, in [0, 1], rounded to 0.01 so that a steady input does not churn snapshots. */
export function levelOf(block: PcmBlock): number {
  let sum = 0;
  let count = 0;
  for (const channel of block.channels) {
    for (let i = 0; i < channel.length; i++) sum += channel[i]! * channel[i]!;
    count += channel.length;
  }
  return count === 0 ? 0 : Math.min(1, Math.round(Math.sqrt(sum / count) * 100) / 100);
}

