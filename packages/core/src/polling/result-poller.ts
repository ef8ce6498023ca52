import type { ScribeConfig } from '../config/scribe-config';
import { ScribeError, SessionExpiredError, TimeoutError, ValidationError } from '../errors';
import { errorForAbort, linkSignals } from '../errors/abort';
import type { Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import type { SessionResult } from '../protocol';
import { pollIntervalSeconds } from './poll-interval';

/** After a failed poll, wait at least this long before the next one, whatever the interval (even 0). */
export const MIN_FAILED_POLL_DELAY_MS = 1000;

/** Options of `waitForResults`. */
export interface WaitForResultsOptions {
  /**
   * Seconds between the starts of two polls: a maximum poll rate, not a pause added after each request; 0 polls back
   * to back. Default: the configured `pollInterval` (1 s), or in `msa` without a configured interval 2 s / 5 s / 10 s.
   */
  interval?: number;
  /** Seconds to wait in total before TimeoutError. Default: the configured `pollTimeout` (600 s). */
  timeout?: number;
  /** Only fetch this template's documents. Default: all. */
  templateId?: string;
  /** Called with every session body received, once per poll; a returned promise is awaited before the next poll. */
  onUpdate?: (result: SessionResult) => void | Promise<void>;
  /** Cancels the request in flight and the wait between polls (AbortError; TimeoutError for a deadline signal such as `AbortSignal.timeout()`). */
  signal?: AbortSignal;
}

/** Reads one session; `createSessionsApi().get` in practice. */
export type GetSession = (sessionId: string, options: { templateId?: string; signal?: AbortSignal }) => Promise<SessionResult>;

/** Options of `createResultPoller`. */
export interface ResultPollerOptions {
  /** Poll defaults and the dialect. */
  config: Pick<ScribeConfig, 'dialect' | 'pollInterval' | 'pollIntervalExplicit' | 'pollTimeout'>;
  /** Reads the session. */
  getSession: GetSession;
  /** Time source; inject a manual clock in tests. */
  clock: Clock;
  /** Logger. Default: silent. */
  logger?: Logger;
}

/** Polls a session until it has a final result. */
export interface ResultPoller {
  /**
   * Resolves with the result once the status is `completed`, `partial` or `failed` (a failed session is returned, not
   * thrown). `expired` or HTTP 410 → SessionExpiredError; past `timeout` → TimeoutError naming the last status.
   * Transient failures (5xx, network, 429, request timeouts) that outlast the transport's retries do not end the
   * wait: polling goes on until the timeout. Other errors (404, auth, validation) are thrown at once.
   */
  waitForResults(sessionId: string, options?: WaitForResultsOptions): Promise<SessionResult>;
}

const FINAL: ReadonlySet<string> = new Set(['completed', 'partial', 'failed']);

/** Creates the result poller of contract 3.4. */
export function createResultPoller(options: ResultPollerOptions): ResultPoller {
  const { config, clock, getSession } = options;
  const logger = options.logger ?? silentLogger;

  async function waitForResults(sessionId: string, waitOptions: WaitForResultsOptions = {}): Promise<SessionResult> {
    const { signal, templateId, onUpdate } = waitOptions;
    const timeoutMs = seconds(waitOptions.timeout ?? config.pollTimeout, 'timeout') * 1000;
    if (waitOptions.interval !== undefined) seconds(waitOptions.interval, 'interval');
    const started = clock.now();
    let last: SessionResult | undefined;
    let lastError: ScribeError | undefined;
    for (;;) {
      if (signal?.aborted) throw errorForAbort(signal);
      const roundStart = clock.now();
      let result: SessionResult | undefined;
      const deadline = deadlineSignal(timeoutMs - (roundStart - started), signal, () => timeoutError(sessionId, timeoutMs, last, lastError));
      try {
        result = await getSession(sessionId, { templateId, signal: deadline.signal });
      } catch (error) {
        if (deadline.expired()) throw deadline.signal.reason;
        if (!isTransient(error) || signal?.aborted) throw error;
        lastError = error;
        logger.warn('poll failed; polling goes on until the timeout', { sessionId, code: error.code, status: error.status });
      } finally {
        deadline.dispose();
      }
      if (result) {
        last = result;
        lastError = undefined;
        await onUpdate?.(result);
        if (result.status === 'expired' || result.httpStatus === 410) {
          throw new SessionExpiredError(`Session ${sessionId} expired before it was ended; create a new session and upload the audio again.`, {
            status: result.httpStatus,
            details: { session_id: sessionId, status: result.status },
          });
        }
        if (FINAL.has(result.status)) return result;
      }
      const now = clock.now();
      const elapsedMs = now - started;
      if (elapsedMs >= timeoutMs) throw timeoutError(sessionId, timeoutMs, last, lastError);
      const intervalMs = pollIntervalSeconds(waitOptions.interval, config, elapsedMs / 1000) * 1000;
      let delayMs = Math.max(0, intervalMs - (now - roundStart));
      if (!result) delayMs = Math.max(delayMs, MIN_FAILED_POLL_DELAY_MS);
      // Never sleep past the deadline: when the next poll would start at or after it, wake at the deadline and report
      // the timeout there (timers may wake a fraction of a millisecond early, so this is decided before sleeping).
      const untilDeadlineMs = timeoutMs - elapsedMs;
      if (delayMs >= untilDeadlineMs) {
        await clock.sleep(untilDeadlineMs, signal);
        throw timeoutError(sessionId, timeoutMs, last, lastError);
      }
      if (delayMs > 0) await clock.sleep(delayMs, signal);
    }
  }

  return { waitForResults };
}

// A GET the server holds (long-poll) must not outlive the wait: the request in flight is cancelled at the deadline,
// with the TimeoutError as the abort reason so the transport rethrows it. Like the transport's request timeout this is
// a real timer, because it bounds real network I/O; the caller's signal still wins.
function deadlineSignal(remainingMs: number, outer: AbortSignal | undefined, onDeadline: () => ScribeError) {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(onDeadline()), Math.max(0, remainingMs));
  const linked = linkSignals(outer, deadline.signal);
  return {
    signal: linked.signal,
    // The deadline counts only when it fired first: a caller's abort just before it keeps its own meaning.
    expired: () => deadline.signal.aborted && linked.signal.reason === deadline.signal.reason,
    dispose: () => {
      clearTimeout(timer);
      linked.dispose();
    },
  };
}

// Worth another poll: the transport already retried these and may succeed on a later round.
function isTransient(error: unknown): error is ScribeError {
  return ScribeError.is(error) && error.code !== 'aborted' && (error.retryable || error.code === 'timeout');
}

function timeoutError(sessionId: string, timeoutMs: number, last: SessionResult | undefined, lastError: ScribeError | undefined): TimeoutError {
  const status = last?.status ?? 'unknown';
  const failing = lastError ? ` The last poll failed: ${lastError.message}` : '';
  return new TimeoutError(
    `Session ${sessionId} had no final result after ${timeoutMs / 1000} s; last status: ${status}. Wait longer (timeout) or poll again later.${failing}`,
    { details: { session_id: sessionId, last_status: status }, cause: lastError },
  );
}

function seconds(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new ValidationError(`${name} must be a non-negative number of seconds, got ${String(value)}.`);
  return value;
}
