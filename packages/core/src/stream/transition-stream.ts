import { APIError, SessionStateError, type ScribeError } from '../errors';
import { backoffDelayMs } from '../retry/retry-policy';
import { isFatalCloseCode, streamCloseError } from './stream-close-error';
import type { StreamConnectionState, StreamPhase } from './stream-state';
import type {
  FailedStreamState,
  IdleStreamState,
  ReconnectWaitStreamState,
  StopIntent,
  StreamEffect,
  StreamEvent,
  StreamMachineSettings,
  StreamState,
  StreamTransition,
} from './stream-machine';

/** The state of a stream that has not connected yet. */
export function initialStreamState(settings: StreamMachineSettings): IdleStreamState {
  return Object.freeze({ kind: 'idle', settings, acknowledged: 0, reconnects: 0 });
}

/**
 * The stream runner as a pure reducer (contract 6.4 to 6.6): never reads a clock, a random number or a socket, never
 * throws. Returns the SAME state object and no effects when `event` is not accepted in `state`.
 */
export function transitionStream(state: StreamState, event: StreamEvent): StreamTransition {
  switch (event.type) {
    case 'connect-requested':
    case 'audio-accepted':
      if (state.kind === 'idle') return connect(state);
      return event.type === 'audio-accepted' && state.kind === 'ready' ? to({ ...state }, { type: 'send-queued' }) : rejected(state);
    case 'socket-opened':
      return socketOpened(state);
    case 'ack-received':
      return ackReceived(state, event.bytes);
    case 'socket-closed':
      return socketClosed(state, event);
    case 'reconnect-due':
      if (state.kind !== 'reconnect-wait') return rejected(state);
      return to({ ...state, kind: 'connecting' }, { type: 'open-socket', url: state.settings.url });
    case 'ack-timeout':
      if (state.kind !== 'awaiting-ack') return rejected(state);
      // No first ack: this connection cannot resume, so it is given up and another one tried.
      return withEffects(dropped(state, state.failedAttempts, 4000, 'no ack', event.jitter), [{ type: 'close-socket', code: 4000, reason: 'no ack' }]);
    case 'socket-drained':
      if (state.kind !== 'ready' || !state.stop) return rejected(state);
      return to(
        { kind: 'closing', settings: state.settings, acknowledged: state.acknowledged, reconnects: state.reconnects, stop: state.stop },
        { type: 'send-stop', reason: state.stop.reason },
        { type: 'schedule-stop-timeout', delayMs: state.settings.finalizeTimeoutMs },
      );
    case 'stop-requested':
      return stopRequested(state, { reason: event.reason });
    case 'stop-timeout':
      if (state.kind !== 'closing') return rejected(state);
      return withEffects(stopped(state, false), [
        { type: 'log', level: 'warn', message: 'the server did not close the stream after stop; closing it', data: { sessionId: state.settings.sessionId } },
        { type: 'close-socket', code: 1000, reason: 'stopped' },
      ]);
    case 'stop-cancelled':
      if (!isStopping(state)) return rejected(state);
      return withEffects(stopped(state, false), hasSocket(state) ? [{ type: 'close-socket', code: 1000, reason: 'stopped' }] : []);
    case 'failed':
    case 'aborted':
      return failed(state, event.error);
  }
}

function connect(state: IdleStreamState): StreamTransition {
  return to({ ...state, kind: 'connecting', failedAttempts: 0, stop: undefined }, { type: 'open-socket', url: state.settings.url });
}

function socketOpened(state: StreamState): StreamTransition {
  if (state.kind !== 'connecting') return rejected(state);
  const { settings } = state;
  const start: StreamEffect[] = settings.frameMode === 'json' ? [{ type: 'send-start' }] : [];
  if (settings.resume) return to({ ...state, kind: 'awaiting-ack' }, ...start, { type: 'schedule-ack-timeout', delayMs: settings.ackTimeoutMs });
  return to({ kind: 'ready', settings, acknowledged: state.acknowledged, reconnects: state.reconnects, stop: state.stop }, ...start, ...BECOME_READY);
}

function ackReceived(state: StreamState, bytes: number): StreamTransition {
  if (!state.settings.resume || (state.kind !== 'awaiting-ack' && state.kind !== 'ready' && state.kind !== 'closing')) return rejected(state);
  if (bytes < state.acknowledged) {
    return failed(state, new APIError(`The service acknowledged ${bytes} bytes after having acknowledged ${state.acknowledged}: stored audio was lost.`));
  }
  const release: StreamEffect = { type: 'release-acknowledged', offset: bytes };
  switch (state.kind) {
    case 'awaiting-ack': {
      const ready = { kind: 'ready', settings: state.settings, acknowledged: bytes, reconnects: state.reconnects, stop: state.stop } as const;
      // Everything after the server's byte N goes again, in order, before any new audio (contract 6.6).
      return to(ready, { type: 'cancel-timer' }, release, { type: 'resend-from', offset: bytes }, ...BECOME_READY);
    }
    case 'ready':
      // An ack may reopen the unacknowledged window, so the queue moves on.
      return to({ ...state, acknowledged: bytes }, release, { type: 'send-queued' });
    case 'closing':
      return to({ ...state, acknowledged: bytes }, release);
  }
}

// Settling `opened()` again after a reconnect is a no-op for the runner.
const BECOME_READY: readonly StreamEffect[] = Object.freeze([{ type: 'send-queued' }, { type: 'settle-opened' }]);

function socketClosed(state: StreamState, event: Extract<StreamEvent, { type: 'socket-closed' }>): StreamTransition {
  const { code, reason, jitter } = event;
  switch (state.kind) {
    case 'closing':
      // After the stop frame a close is the end, unless resumable audio is still unacknowledged.
      if (code === 1000 || !state.settings.resume || event.unacknowledgedBytes === 0) return stopped(state, code === 1000);
      return dropped(state, 0, code, reason, jitter);
    case 'connecting':
    case 'awaiting-ack':
      return dropped(state, state.failedAttempts, code, reason, jitter);
    case 'ready':
      return dropped(state, 0, code, reason, jitter);
    default:
      return rejected(state);
  }
}

type Socketed = Extract<StreamState, { kind: 'connecting' | 'awaiting-ack' | 'ready' | 'closing' }>;

/** A socket is gone: a reconnect with backoff from the retry policy, or a failure when it cannot help. */
function dropped(state: Socketed, failedAttempts: number, code: number, reason: string, jitter: number): StreamTransition {
  const { settings } = state;
  const gone: ReconnectWaitStreamState = { kind: 'reconnect-wait', settings, acknowledged: state.acknowledged, reconnects: state.reconnects, failedAttempts, stop: state.stop };
  if (code === 1000) {
    return failed(gone, new SessionStateError(`The service closed the stream of session ${settings.sessionId}${reason ? ` (${reason})` : ''}: it takes no more audio.`));
  }
  if (isFatalCloseCode(code)) return failed(gone, streamCloseError(code, reason, settings.sessionId));
  const attempt = failedAttempts + 1;
  if (attempt > settings.maxAttempts) {
    const error = new APIError(`The stream could not reconnect after ${settings.maxAttempts} attempts.`, { cause: streamCloseError(code, reason, settings.sessionId) });
    return failed(gone, error);
  }
  const delayMs = backoffDelayMs(attempt - 1, { initialDelayMs: settings.initialDelayMs, maxDelayMs: settings.maxDelayMs, random: () => jitter });
  return to(
    { ...gone, reconnects: state.reconnects + 1, failedAttempts: attempt },
    { type: 'log', level: 'info', message: 'stream connection lost; reconnecting', data: { sessionId: settings.sessionId, closeCode: code, attempt } },
    { type: 'schedule-reconnect', delayMs },
  );
}

function stopRequested(state: StreamState, stop: StopIntent): StreamTransition {
  switch (state.kind) {
    case 'idle':
      // Never connected: no socket is opened just to stop.
      return stopped(state, false);
    case 'connecting':
    case 'awaiting-ack':
    case 'reconnect-wait':
      return state.stop ? rejected(state) : to({ ...state, stop });
    case 'ready':
      return state.stop ? rejected(state) : to({ ...state, stop }, { type: 'send-queued' });
    default:
      return rejected(state);
  }
}

function stopped(state: StreamState, closedByServer: boolean): StreamTransition {
  const { settings, acknowledged, reconnects } = state;
  const next = { kind: 'stopped', settings, acknowledged, reconnects, closedByServer } as const;
  // A closing stream was ready before, so `opened()` has settled; otherwise it may still wait.
  if (state.kind === 'closing') return to(next, { type: 'release' });
  return to(next, { type: 'settle-opened', error: stoppedBeforeOpen(state) }, { type: 'release' });
}

function failed(state: StreamState, error: ScribeError): StreamTransition {
  if (state.kind === 'stopped' || state.kind === 'failed') return rejected(state);
  const next: FailedStreamState = { kind: 'failed', settings: state.settings, acknowledged: state.acknowledged, reconnects: state.reconnects, error };
  const close: StreamEffect[] = hasSocket(state) ? [{ type: 'close-socket', code: 1000, reason: 'client stopped' }] : [];
  return to(
    next,
    ...close,
    { type: 'settle-opened', error },
    { type: 'log', level: 'warn', message: 'stream failed', data: { sessionId: state.settings.sessionId, code: error.code } },
    { type: 'release' },
  );
}

/** True while a socket exists (opening, open, or waiting for the server's close). */
function hasSocket(state: StreamState): state is Socketed {
  return state.kind === 'connecting' || state.kind === 'awaiting-ack' || state.kind === 'ready' || state.kind === 'closing';
}

/** True once `stop` was asked for and the socket is not yet done. */
export function isStopping(state: StreamState): boolean {
  return state.kind === 'closing' || ((state.kind === 'connecting' || state.kind === 'awaiting-ack' || state.kind === 'ready' || state.kind === 'reconnect-wait') && state.stop !== undefined);
}

/** The snapshot's `connection` for a state: `reconnecting` from the first drop until a socket opens again. */
export function connectionOf(state: StreamState): StreamConnectionState {
  switch (state.kind) {
    case 'idle':
      return 'idle';
    case 'connecting':
      return state.failedAttempts > 0 ? 'reconnecting' : 'connecting';
    case 'reconnect-wait':
      return 'reconnecting';
    case 'stopped':
    case 'failed':
      return 'closed';
    default:
      return 'open';
  }
}

/** The snapshot's `phase` for a state. */
export function phaseOf(state: StreamState): StreamPhase {
  if (state.kind === 'stopped' || state.kind === 'failed') return state.kind;
  return isStopping(state) ? 'stopping' : 'streaming';
}

// What `opened()` rejects with when the stream stops first (settling is a no-op once it has resolved).
function stoppedBeforeOpen(state: StreamState): ScribeError {
  return new SessionStateError(`The stream of session ${state.settings.sessionId} was stopped before it connected.`);
}

function to(state: StreamState, ...effects: StreamEffect[]): StreamTransition {
  return Object.freeze({ state: Object.freeze(state), effects: Object.freeze(effects) });
}

function withEffects(transition: StreamTransition, first: StreamEffect[]): StreamTransition {
  return first.length === 0 ? transition : Object.freeze({ state: transition.state, effects: Object.freeze([...first, ...transition.effects]) });
}

const NO_EFFECTS: readonly StreamEffect[] = Object.freeze([]);

function rejected(state: StreamState): StreamTransition {
  return { state, effects: NO_EFFECTS };
}
