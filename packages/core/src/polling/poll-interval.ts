import type { ScribeConfig } from '../config/scribe-config';

/**
 * The protocol's suggested poll schedule for `msa` (contract 3.4): every 2 s for the first 30 s, every 5 s until
 * 60 s, then every 10 s. `elapsedSeconds` counts from the start of the wait.
 */
export function msaPollIntervalSeconds(elapsedSeconds: number): number {
  if (elapsedSeconds < 30) return 2;
  if (elapsedSeconds < 60) return 5;
  return 10;
}

/**
 * The interval, in seconds, between the starts of two polls: the per-call value when given (0 allowed), else the
 * `msa` schedule when no interval was configured explicitly, else the configured `pollInterval` (default 1 s).
 */
export function pollIntervalSeconds(
  perCall: number | undefined,
  config: Pick<ScribeConfig, 'dialect' | 'pollInterval' | 'pollIntervalExplicit'>,
  elapsedSeconds: number,
): number {
  if (perCall !== undefined) return perCall;
  if (config.dialect === 'msa' && !config.pollIntervalExplicit) return msaPollIntervalSeconds(elapsedSeconds);
  return config.pollInterval;
}
