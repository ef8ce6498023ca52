import { setTimeout as delay } from 'node:timers/promises';
import type { Input } from 'mediabunny';

/** Longest the duration look-up may take before the bar goes without a percentage. */
const LOOKUP_BUDGET_MS = 2_000;

/**
 * The length of an audio file in seconds, read from its container (mediabunny, which @scribe/node already uses to
 * demux), or undefined when it cannot be told quickly. Only the progress bar's percentage depends on it, so every
 * failure is swallowed: the transcription itself reports unreadable files properly.
 */
export async function audioDurationSeconds(path: string): Promise<number | undefined> {
  let input: Input | undefined;
  const budgetOver = new AbortController();
  try {
    // Loaded here, like the SDK, so commands that draw no bar never import it.
    const { ALL_FORMATS, FilePathSource, Input } = await import('mediabunny');
    input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
    // Unreferenced, so the timer never keeps the process alive; aborted below once the look-up is over.
    const budget = delay(LOOKUP_BUDGET_MS, undefined, { ref: false, signal: budgetOver.signal }).catch(() => undefined);
    const seconds = await Promise.race([input.computeDuration(), budget]);
    return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  } catch {
    return undefined;
  } finally {
    budgetOver.abort();
    input?.dispose();
  }
}
