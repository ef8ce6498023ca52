import type { UseScribeReturn } from '@scribe/react';
import { formatElapsed } from './format-elapsed';

/** Statuses after which nothing more happens to the session: only "New consultation" is left. */
const FINAL = new Set(['completed', 'partial', 'failed', 'expired', 'cancelled', 'error']);

/** Words for each status, as a clinician would read them. */
const STATUS_TEXT: Record<string, string> = {
  idle: 'Ready',
  creating: 'Starting…',
  created: 'Opening the microphone…',
  recording: 'Recording',
  ending: 'Sending the last chunks…',
  processing: 'Writing the note…',
  completed: 'Note ready',
  partial: 'Note ready (some templates failed)',
  failed: 'The service could not write a note',
  expired: 'The session expired',
  cancelled: 'Cancelled',
  error: 'Something went wrong',
};

/** Props of `RecorderControls`. */
export interface RecorderControlsProps {
  /** The hook's state and actions. */
  scribe: UseScribeReturn;
  /** Forgets the finished session (and its chunk list) for a new consultation. */
  onStartOver(): void;
}

/** Record / pause / stop, the file alternative, the level meter, the elapsed time and the status line. */
export function RecorderControls({ scribe, onStartOver }: RecorderControlsProps) {
  const { status, isRecording, isPaused, level, elapsedMs } = scribe;
  const idle = status === 'idle';
  const running = status === 'created' || status === 'recording';
  const seconds = Math.floor(elapsedMs / 1000);
  return (
    <section className="panel recorder" aria-label="recorder">
      <div className="buttons">
        {idle && (
          <button type="button" className="record" onClick={() => void scribe.start()}>
            <span className="dot" aria-hidden="true" /> Record
          </button>
        )}
        {running && (
          <>
            <button type="button" className="stop" onClick={() => void scribe.stop()}>
              Stop
            </button>
            <button type="button" onClick={isPaused ? scribe.resume : scribe.pause}>
              {isPaused ? 'Resume' : 'Pause'}
            </button>
          </>
        )}
        {(running || status === 'creating') && (
          <button type="button" className="quiet" onClick={() => void scribe.cancel()}>
            Cancel
          </button>
        )}
        {FINAL.has(status) && (
          <button type="button" className="primary" onClick={onStartOver}>
            New consultation
          </button>
        )}
        {idle && (
          <label className="file">
            or upload a recording
            <input
              type="file"
              accept="audio/*,video/webm"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void scribe.uploadFile(file);
              }}
            />
          </label>
        )}
      </div>
      <div className="readout">
        <LevelMeter level={isRecording ? level : 0} />
        <span className="elapsed" data-seconds={seconds} aria-label="elapsed time">
          {formatElapsed(elapsedMs)}
        </span>
        <span className="status" role="status" data-status={status}>
          {isPaused ? 'Paused' : (STATUS_TEXT[status] ?? status)}
        </span>
      </div>
    </section>
  );
}

/** Speech sits around 0.02 to 0.2 on the hook's [0, 1] level: the bar is full at 0.25. */
const FULL_SCALE = 0.25;

/** The input level as a bar (a `meter` element's look differs from browser to browser). */
function LevelMeter({ level }: { level: number }) {
  const fraction = Math.min(1, level / FULL_SCALE);
  return (
    <div className="level" role="meter" aria-label="input level" aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(level.toFixed(3))}>
      <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
    </div>
  );
}
