import { SingleBar } from 'cli-progress';
import type { SessionState } from '@scribe/node';
import type { CliStream } from './cli-io';

/** Draws a session's progress on a terminal. */
export interface ProgressDisplay {
  /** Shows a new session snapshot. */
  update(state: SessionState): void;
  /** Draws the last state and leaves the bar on its own line. Idempotent. */
  stop(): void;
}

/** Options of {@link createProgressDisplay}. */
export interface ProgressDisplayOptions {
  /** Shown first on the line (the file name, or `microphone`). Required. */
  label: string;
  /** Length of the audio in seconds, when known: the bar then shows the decoded percentage. Default: unknown, no bar. */
  totalSeconds?: number;
  /** `stream`: bytes sent take the place of speech and chunk counts. Default `chunks`. */
  transport?: 'chunks' | 'stream';
}

// Bytes of 16 kHz mono 16-bit PCM per second, to show a stream's progress in seconds.
const PCM_BYTES_PER_SECOND = 32_000;

/**
 * A one-line progress display on a terminal stream (cli-progress, redrawn 10 times a second and on each phase change): phase, decoded
 * audio (a percentage when the length is known), speech found, chunks uploaded of those cut, then `processing`.
 */
export function createProgressDisplay(stream: CliStream, options: ProgressDisplayOptions): ProgressDisplay {
  const { label, totalSeconds, transport = 'chunks' } = options;
  const known = totalSeconds !== undefined && totalSeconds > 0;
  const sent = transport === 'stream' ? 'sent {sent}s' : 'speech {speech}s | chunks {uploaded}/{cut}';
  const format = `${label} ${known ? '[{bar}] {percentage}% ' : ''}| {phase} | audio {decoded}s | ${sent}`;
  const bar = new SingleBar({ stream: stream as NodeJS.WritableStream, format, fps: 10, barsize: 24, hideCursor: true, clearOnComplete: false, gracefulExit: false });
  const total = known ? totalSeconds : 1;
  let started = false;
  let shownStatus: SessionState['status'] | undefined;
  let stopped = false;
  return {
    update(state) {
      if (stopped) return;
      const { activity } = state;
      const finishedDecoding = state.status === 'ending' || state.status === 'processing' || state.status === 'completed' || state.status === 'partial';
      const value = known ? (finishedDecoding ? total : Math.min(activity.audioSeconds, total)) : 0;
      const payload = {
        phase: phaseOf(state.status),
        decoded: activity.audioSeconds.toFixed(1),
        speech: activity.speechSeconds.toFixed(1),
        uploaded: activity.chunksAcknowledged,
        cut: activity.chunksCut,
        sent: (activity.bytesSent / PCM_BYTES_PER_SECOND).toFixed(1),
      };
      if (!started) {
        started = true;
        bar.start(total, value, payload);
      } else {
        bar.update(value, payload);
        // Redraws are throttled to 10 a second; a new phase is drawn at once so a short `processing` is still seen.
        if (state.status !== shownStatus) bar.render();
      }
      shownStatus = state.status;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (started) bar.stop();
    },
  };
}

function phaseOf(status: SessionState['status']): string {
  switch (status) {
    case 'idle':
    case 'creating':
      return 'creating session';
    case 'created':
      return 'starting';
    case 'recording':
      return 'uploading';
    default:
      return status; // ending, processing, and the final statuses read well as they are
  }
}
