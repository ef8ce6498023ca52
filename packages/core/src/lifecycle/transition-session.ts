import { ScribeError } from '../errors';
import type { SessionResult } from '../protocol/session-result';
import type { SessionEvent } from './session-event';
import {
  INITIAL_SESSION_ACTIVITY,
  INITIAL_SESSION_STATE,
  type LiveSessionState,
  type SessionActivity,
  type SessionState,
} from './session-state';

type Live = LiveSessionState['status'];
const LIVE: readonly string[] = ['created', 'recording', 'ending', 'processing'];
const UPLOADING: readonly string[] = ['recording', 'ending'];
const TAKING_AUDIO: readonly string[] = ['created', 'recording'];

function isLive(state: SessionState): state is LiveSessionState {
  return LIVE.includes(state.status);
}

function freeze<T extends SessionState>(state: T): T {
  return Object.freeze(state);
}

function withActivity(state: SessionState, change: Partial<SessionActivity>): SessionState {
  const activity = Object.freeze({ ...state.activity, ...change });
  return freeze({ ...state, activity } as SessionState);
}

/** Counters never go negative, whatever order adapters report in. */
const dec = (value: number) => Math.max(0, value - 1);

/**
 * The session lifecycle as a pure reducer. Returns the SAME object when `event` is not accepted in `state` (so
 * stores do not notify), and a new frozen state otherwise. Never throws.
 */
export function transitionSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'create-requested':
      return state.status === 'idle' ? freeze({ status: 'creating', activity: state.activity }) : state;
    case 'session-created':
      if (state.status !== 'idle' && state.status !== 'creating') return state;
      return freeze({ status: 'created', sessionId: event.sessionId, created: event.session, result: undefined, activity: state.activity });
    case 'audio-received': {
      if (!TAKING_AUDIO.includes(state.status) && state.status !== 'ending') return state;
      const { audioSeconds, level, elapsedMs } = event;
      const { activity } = state;
      if (state.status === 'recording' && activity.audioSeconds === audioSeconds && activity.level === level && activity.elapsedMs === elapsedMs) return state;
      return withActivity({ ...state, status: state.status === 'ending' ? 'ending' : 'recording' } as SessionState, { audioSeconds, level, elapsedMs });
    }
    case 'speech-started':
      if ((!TAKING_AUDIO.includes(state.status) && state.status !== 'ending') || state.activity.speaking) return state;
      return withActivity(state, { speaking: true });
    case 'speech-found':
      if (!TAKING_AUDIO.includes(state.status) && state.status !== 'ending') return state;
      if (state.activity.speechSeconds === event.speechSeconds && !state.activity.speaking) return state;
      return withActivity(state, { speechSeconds: event.speechSeconds, speaking: false });
    case 'source-failed':
      // The device failed mid-recording: intake is over and the meter drops; the status changes once what was
      // captured is uploaded (the controller then dispatches `error`).
      if (!TAKING_AUDIO.includes(state.status) && state.status !== 'ending') return state;
      return withActivity(state, { lastError: event.error, level: 0 });
    case 'paused':
      if (!TAKING_AUDIO.includes(state.status) || state.activity.paused) return state;
      return withActivity(state, { paused: true, level: 0, elapsedMs: event.elapsedMs });
    case 'resumed':
      if (!TAKING_AUDIO.includes(state.status) || !state.activity.paused) return state;
      return withActivity(state, { paused: false });
    case 'chunk-queued':
      // The last chunk is cut after the end was asked for (the audio's tail is flushed then): still counted.
      if (!TAKING_AUDIO.includes(state.status) && state.status !== 'ending') return state;
      return withActivity({ ...state, status: state.status === 'ending' ? 'ending' : 'recording' } as SessionState, { chunksCut: state.activity.chunksCut + 1, chunksQueued: state.activity.chunksQueued + 1 });
    case 'chunk-upload-started':
      if (!UPLOADING.includes(state.status)) return state;
      return withActivity(state, { chunksQueued: dec(state.activity.chunksQueued), uploadsInFlight: state.activity.uploadsInFlight + 1 });
    case 'chunk-uploaded':
      if (!UPLOADING.includes(state.status)) return state;
      return withActivity(state, { uploadsInFlight: dec(state.activity.uploadsInFlight), chunksAcknowledged: state.activity.chunksAcknowledged + 1 });
    case 'chunk-failed': {
      if (!UPLOADING.includes(state.status)) return state;
      const { activity } = state;
      const settled = event.willRetry
        ? { chunksQueued: activity.chunksQueued + 1 }
        : { chunksFailed: activity.chunksFailed + 1 };
      const lastError = event.error === undefined ? activity.lastError : event.error;
      return withActivity(state, { uploadsInFlight: dec(activity.uploadsInFlight), ...settled, lastError });
    }
    case 'end-requested':
      return state.status === 'created' || state.status === 'recording' ? freeze({ ...state, status: 'ending' }) : state;
    case 'session-ended':
      return state.status === 'created' || state.status === 'recording' || state.status === 'ending'
        ? freeze({ ...state, status: 'processing' })
        : state;
    case 'status-polled':
      return applyPoll(state, event.result);
    case 'reprocess-requested':
      return state.status === 'completed' || state.status === 'partial' || state.status === 'failed'
        ? freeze({ status: 'processing', sessionId: state.sessionId, created: state.created, result: state.result, activity: state.activity })
        : state;
    case 'connection-changed':
      return state.activity.connection === event.connection ? state : withActivity(state, { connection: event.connection });
    case 'stream-progressed': {
      if (!isLive(state)) return state;
      const { bytesSent, bytesAcknowledged, reconnects } = event;
      const { activity } = state;
      if (activity.bytesSent === bytesSent && activity.bytesAcknowledged === bytesAcknowledged && activity.reconnects === reconnects) return state;
      return withActivity(state, { bytesSent, bytesAcknowledged, reconnects });
    }
    case 'queue-changed':
      // Chunks stay queued after a failure or expiry (kept for resume), so those states still count them.
      if (!isLive(state) && state.status !== 'error' && state.status !== 'expired' && state.status !== 'cancelled') return state;
      return state.activity.chunksPending === event.chunksPending ? state : withActivity(state, { chunksPending: event.chunksPending });
    case 'cancelled':
      if (state.status !== 'creating' && !isLive(state)) return state;
      return freeze({
        status: 'cancelled',
        sessionId: isLive(state) ? state.sessionId : undefined,
        created: isLive(state) ? state.created : undefined,
        result: isLive(state) ? state.result : undefined,
        // Nothing runs any more: chunks not acknowledged stay visible as cut minus acknowledged.
        activity: Object.freeze({ ...state.activity, paused: false, speaking: false, level: 0, chunksQueued: 0, uploadsInFlight: 0 }),
      });
    case 'error':
      return applyError(state, event.error);
    case 'reset':
      return state.status === 'idle' && sameActivity(state.activity, INITIAL_SESSION_ACTIVITY) ? state : INITIAL_SESSION_STATE;
  }
}

/** The reducer under its short name: `transition(state, event) → state`. */
export const transition = transitionSession;

// The body's status decides (contract 3.1). Final results always win over a live state; live results only refresh
// `result`, so a stale `recording` poll can never move a processing session backwards.
function applyPoll(state: SessionState, result: SessionResult): SessionState {
  const sessionId = 'sessionId' in state ? state.sessionId : undefined;
  if (sessionId !== undefined && result.sessionId !== sessionId) return state;
  if (state.status === 'idle' || state.status === 'creating' || state.status === 'expired' || state.status === 'cancelled') return state;
  // An error before the session existed leaves nothing to poll.
  if (sessionId === undefined) return state;
  if (state.status !== 'error' && state.result === result) return state;
  const base = { sessionId: result.sessionId, created: state.created, activity: state.activity };
  switch (result.status) {
    case 'completed':
    case 'partial':
    case 'failed':
      return freeze({ ...base, status: result.status as 'completed' | 'partial' | 'failed', result });
    case 'expired':
      // Only sessions that were never ended expire (contract 3.2); a finished one cannot.
      return isLive(state) || state.status === 'error' ? freeze({ ...base, status: 'expired', result, error: undefined }) : state;
    case 'processing':
      if (isLive(state) || state.status === 'error') return freeze({ ...base, status: 'processing', result });
      return state;
    default: {
      if (!isLive(state)) return state;
      // Audio stored by another client (a relay) shows up as `recording` before this store saw a chunk.
      const status: Live = state.status === 'created' && result.status === 'recording' ? 'recording' : state.status;
      return freeze({ ...base, status, result });
    }
  }
}

// Expiry learned from a failed call (SessionExpiredError) is the expired outcome, not a generic error.
function applyError(state: SessionState, error: unknown): SessionState {
  if (state.status !== 'creating' && !isLive(state)) return state;
  const live = isLive(state) ? state : undefined;
  const activity = Object.freeze({ ...state.activity, lastError: error, level: 0, speaking: false });
  const common = { sessionId: live?.sessionId, created: live?.created, result: live?.result, activity, error };
  if (ScribeError.is(error) && error.code === 'session_expired') return freeze({ ...common, status: 'expired' });
  return freeze({ ...common, status: 'error', failedIn: state.status });
}

function sameActivity(a: SessionActivity, b: SessionActivity): boolean {
  return (Object.keys(b) as (keyof SessionActivity)[]).every((key) => a[key] === b[key]);
}
