import { describe, expect, it } from 'vitest';
import { APIError, SessionExpiredError } from '../errors';
import { parseSessionResult } from '../protocol/session-result';
import type { SessionEvent } from './session-event';
import { SESSION_EVENT_TYPES } from './session-event';
import { INITIAL_SESSION_ACTIVITY, INITIAL_SESSION_STATE, SESSION_LIFECYCLE_STATUSES, hasPendingUploads, type SessionLifecycleStatus, type SessionState } from './session-state';
import { transition, transitionSession } from './transition-session';

const ID = 'ses_1';
const poll = (status: string, sessionId = ID) => parseSessionResult({ session_id: sessionId, status }, 200);
const busy = Object.freeze({ ...INITIAL_SESSION_ACTIVITY, chunksQueued: 1, uploadsInFlight: 1 });
const created = { sessionId: ID, created: undefined, result: undefined };

/** One representative state per lifecycle status. */
const STATES: Record<SessionLifecycleStatus, SessionState> = {
  idle: INITIAL_SESSION_STATE,
  creating: { status: 'creating', activity: INITIAL_SESSION_ACTIVITY },
  created: { status: 'created', ...created, activity: INITIAL_SESSION_ACTIVITY },
  recording: { status: 'recording', ...created, activity: busy },
  ending: { status: 'ending', ...created, activity: busy },
  processing: { status: 'processing', ...created, activity: INITIAL_SESSION_ACTIVITY },
  completed: { status: 'completed', sessionId: ID, created: undefined, result: poll('completed'), activity: INITIAL_SESSION_ACTIVITY },
  partial: { status: 'partial', sessionId: ID, created: undefined, result: poll('partial'), activity: INITIAL_SESSION_ACTIVITY },
  failed: { status: 'failed', sessionId: ID, created: undefined, result: poll('failed'), activity: INITIAL_SESSION_ACTIVITY },
  expired: { status: 'expired', sessionId: ID, created: undefined, result: poll('expired'), error: undefined, activity: INITIAL_SESSION_ACTIVITY },
  cancelled: { status: 'cancelled', sessionId: ID, created: undefined, result: undefined, activity: INITIAL_SESSION_ACTIVITY },
  error: { status: 'error', sessionId: ID, created: undefined, result: undefined, error: new APIError('boom'), failedIn: 'processing', activity: INITIAL_SESSION_ACTIVITY },
};

/** The events of the table, by column; several columns exercise variants of one event type. */
const EVENTS: Record<string, SessionEvent> = {
  'create-requested': { type: 'create-requested' },
  'session-created': { type: 'session-created', sessionId: ID },
  'audio-received': { type: 'audio-received', audioSeconds: 1, level: 0.2, elapsedMs: 1000 },
  'speech-started': { type: 'speech-started' },
  'speech-found': { type: 'speech-found', speechSeconds: 0.5 },
  'source-failed': { type: 'source-failed', error: new APIError('device gone') },
  paused: { type: 'paused', elapsedMs: 1000 },
  'resumed(not paused)': { type: 'resumed' },
  'chunk-queued': { type: 'chunk-queued', index: 0 },
  'chunk-upload-started': { type: 'chunk-upload-started', index: 0 },
  'chunk-uploaded': { type: 'chunk-uploaded', index: 0 },
  'chunk-failed': { type: 'chunk-failed', index: 0, error: new APIError('x') },
  'chunk-failed(retry)': { type: 'chunk-failed', index: 0, willRetry: true },
  'end-requested': { type: 'end-requested' },
  'session-ended': { type: 'session-ended' },
  'polled:recording': { type: 'status-polled', result: poll('recording') },
  'polled:processing': { type: 'status-polled', result: poll('processing') },
  'polled:completed': { type: 'status-polled', result: poll('completed') },
  'polled:partial': { type: 'status-polled', result: poll('partial') },
  'polled:failed': { type: 'status-polled', result: poll('failed') },
  'polled:expired': { type: 'status-polled', result: poll('expired') },
  'polled:unknown': { type: 'status-polled', result: poll('transcribing') },
  'polled:other-session': { type: 'status-polled', result: poll('completed', 'ses_other') },
  'reprocess-requested': { type: 'reprocess-requested' },
  'connection:open': { type: 'connection-changed', connection: 'open' },
  'connection:unchanged': { type: 'connection-changed', connection: 'idle' },
  'stream-progressed': { type: 'stream-progressed', bytesSent: 3200, bytesAcknowledged: 1600, reconnects: 1 },
  'queue-changed': { type: 'queue-changed', chunksPending: 2 },
  cancelled: { type: 'cancelled' },
  error: { type: 'error', error: new APIError('boom') },
  'error(expired)': { type: 'error', error: new SessionExpiredError('expired') },
  reset: { type: 'reset' },
};

const COLUMNS = Object.keys(EVENTS);
const _ = '—'; // rejected: the very same state object comes back

// prettier-ignore
/** Expected status after each event, per starting status, in COLUMNS order. */
const TABLE: Record<SessionLifecycleStatus, string[]> = {
  //           create       created     audio         started       speech        srcfail       paused        resumed  queued        started       uploaded      failed        retry         end        ended          p:rec          p:proc         p:compl       p:partial   p:failed   p:expired   p:unknown      p:other  reproc         conn:open      conn:same  progressed     queue          cancelled     err       err(exp)    reset
  idle:       ['creating',  'created',  _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             _,            _,          _,         _,          _,             _,       _,             'idle',        _,         _,             _,             _,            _,        _,          _],
  creating:   [_,           'created',  _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             _,            _,          _,         _,          _,             _,       _,             'creating',    _,         _,             _,             'cancelled',  'error',  'expired',  'idle'],
  created:    [_,           _,          'recording',  'created',    'created',    'created',    'created',    _,       'recording',  _,            _,            _,            _,            'ending',  'processing',  'recording',   'processing',  'completed',  'partial',  'failed',  'expired',  'created',     _,       _,             'created',     _,         'created',     'created',     'cancelled',  'error',  'expired',  'idle'],
  recording:  [_,           _,          'recording',  'recording',  'recording',  'recording',  'recording',  _,       'recording',  'recording',  'recording',  'recording',  'recording',  'ending',  'processing',  'recording',   'processing',  'completed',  'partial',  'failed',  'expired',  'recording',   _,       _,             'recording',   _,         'recording',   'recording',   'cancelled',  'error',  'expired',  'idle'],
  ending:     [_,           _,          'ending',     'ending',     'ending',     'ending',     _,            _,       'ending',     'ending',     'ending',     'ending',     'ending',     _,         'processing',  'ending',      'processing',  'completed',  'partial',  'failed',  'expired',  'ending',      _,       _,             'ending',      _,         'ending',      'ending',      'cancelled',  'error',  'expired',  'idle'],
  processing: [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             'processing',  'processing',  'completed',  'partial',  'failed',  'expired',  'processing',  _,       _,             'processing',  _,         'processing',  'processing',  'cancelled',  'error',  'expired',  'idle'],
  completed:  [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             'completed',  'partial',  'failed',  _,          _,             _,       'processing',  'completed',   _,         _,             _,             _,            _,        _,          'idle'],
  partial:    [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             'completed',  'partial',  'failed',  _,          _,             _,       'processing',  'partial',     _,         _,             _,             _,            _,        _,          'idle'],
  failed:     [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             'completed',  'partial',  'failed',  _,          _,             _,       'processing',  'failed',      _,         _,             _,             _,            _,        _,          'idle'],
  expired:    [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             _,            _,          _,         _,          _,             _,       _,             'expired',     _,         _,             'expired',     _,            _,        _,          'idle'],
  cancelled:  [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             _,             _,            _,          _,         _,          _,             _,       _,             'cancelled',   _,         _,             'cancelled',   _,            _,        _,          'idle'],
  error:      [_,           _,          _,            _,            _,            _,            _,            _,       _,            _,            _,            _,            _,            _,         _,             _,             'processing',  'completed',  'partial',  'failed',  'expired',  _,             _,       _,             'error',       _,         _,             'error',       _,            _,        _,          'idle'],
};

describe('transitionSession: every (status × event) pair', () => {
  it('covers every status and every event type', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...SESSION_LIFECYCLE_STATUSES].sort());
    expect(new Set(Object.values(EVENTS).map((event) => event.type))).toEqual(new Set(SESSION_EVENT_TYPES));
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(COLUMNS.length);
  });

  const cases = SESSION_LIFECYCLE_STATUSES.flatMap((status) => COLUMNS.map((column, index) => [status, column, TABLE[status][index]!] as const));
  it.each(cases)('%s + %s → %s', (status, column, expected) => {
    const before = Object.freeze(STATES[status]);
    const after = transitionSession(before, EVENTS[column]!);
    if (expected === _) {
      expect(after).toBe(before);
    } else {
      expect(after).not.toBe(before);
      expect(after.status).toBe(expected);
      expect(Object.isFrozen(after)).toBe(true);
      expect(Object.isFrozen(after.activity)).toBe(true);
    }
  });
});

describe('transitionSession: details', () => {
  const run = (events: SessionEvent[], from: SessionState = INITIAL_SESSION_STATE) => events.reduce(transition, from);

  it('tracks queued, in-flight, acknowledged and failed chunks apart', () => {
    const state = run([
      { type: 'create-requested' },
      { type: 'session-created', sessionId: ID },
      { type: 'chunk-queued' },
      { type: 'chunk-queued' },
      { type: 'chunk-queued' },
      { type: 'chunk-upload-started' },
      { type: 'chunk-upload-started' },
      { type: 'chunk-uploaded' },
      { type: 'chunk-failed', willRetry: true },
      { type: 'chunk-upload-started' },
      { type: 'chunk-failed' },
    ]);
    expect(state.status).toBe('recording');
    expect(state.activity).toMatchObject({ connection: 'idle', chunksCut: 3, chunksQueued: 1, uploadsInFlight: 0, chunksAcknowledged: 1, chunksFailed: 1 });
    expect(hasPendingUploads(state)).toBe(true);
  });

  it('never lets counters go negative', () => {
    const state = run([{ type: 'chunk-uploaded' }, { type: 'chunk-upload-started' }, { type: 'chunk-failed' }], STATES.ending);
    expect(state.activity.uploadsInFlight).toBe(0);
    expect(state.activity.chunksQueued).toBe(0);
  });

  it('keeps uploads finishing while ending, then processes and finishes with the result', () => {
    const done = poll('completed');
    const state = run([{ type: 'chunk-uploaded' }, { type: 'session-ended' }, { type: 'status-polled', result: poll('processing') }, { type: 'status-polled', result: done }], STATES.ending);
    expect(state).toMatchObject({ status: 'completed', sessionId: ID, result: done });
    expect(state.activity.chunksAcknowledged).toBe(1);
  });

  it('keeps the create answer and the session id', () => {
    const session = { sessionId: ID, status: 'created', createdAt: undefined, expiresAt: undefined, uploadUrl: undefined, patientDetails: undefined, raw: {} };
    const state = run([{ type: 'create-requested' }, { type: 'session-created', sessionId: ID, session }]);
    expect(state).toMatchObject({ status: 'created', sessionId: ID, created: session });
  });

  it('a re-dispatched identical poll result changes nothing', () => {
    const result = poll('processing');
    const once = transition(STATES.processing, { type: 'status-polled', result });
    expect(transition(once, { type: 'status-polled', result })).toBe(once);
  });

  it('a stale live poll never moves a processing session backwards', () => {
    const state = transition(STATES.processing, { type: 'status-polled', result: poll('created') });
    expect(state.status).toBe('processing');
  });

  it('an error remembers where it happened and what was known', () => {
    const error = new APIError('boom');
    const state = transition(STATES.recording, { type: 'error', error });
    expect(state).toMatchObject({ status: 'error', failedIn: 'recording', sessionId: ID, error });
    expect(state.activity).toEqual({ ...STATES.recording.activity, lastError: error });
  });

  it('SessionExpiredError is the expired outcome', () => {
    expect(transition(STATES.processing, { type: 'error', error: new SessionExpiredError('gone') })).toMatchObject({ status: 'expired', sessionId: ID });
  });

  it('reset returns the shared initial state, and is a no-op on a pristine idle state', () => {
    expect(transition(STATES.failed, { type: 'reset' })).toBe(INITIAL_SESSION_STATE);
    expect(transition(INITIAL_SESSION_STATE, { type: 'reset' })).toBe(INITIAL_SESSION_STATE);
    const connected = transition(INITIAL_SESSION_STATE, { type: 'connection-changed', connection: 'open' });
    expect(transition(connected, { type: 'reset' })).toBe(INITIAL_SESSION_STATE);
  });

  it('the connection axis changes independently of the status', () => {
    const states = (['connecting', 'open', 'reconnecting', 'open', 'closed'] as const).reduce<SessionState[]>(
      (all, connection) => [...all, transition(all.at(-1)!, { type: 'connection-changed', connection })],
      [STATES.recording],
    );
    expect(states.map((state) => state.activity.connection)).toEqual(['idle', 'connecting', 'open', 'reconnecting', 'open', 'closed']);
    expect(states.every((state) => state.status === 'recording')).toBe(true);
  });

  it('pause and resume toggle intake on the activity axis; the meter drops to 0 while paused', () => {
    const recording = transition(STATES.created, { type: 'audio-received', audioSeconds: 2, level: 0.3, elapsedMs: 2000 });
    const paused = transition(recording, { type: 'paused', elapsedMs: 2100 });
    expect(paused.activity).toMatchObject({ paused: true, level: 0, elapsedMs: 2100, audioSeconds: 2 });
    expect(transition(paused, { type: 'paused', elapsedMs: 2500 })).toBe(paused);
    const resumed = transition(paused, { type: 'resumed' });
    expect(resumed).toMatchObject({ status: 'recording', activity: { paused: false } });
    expect(transition(resumed, { type: 'resumed' })).toBe(resumed);
  });

  it('an identical audio or stream report changes nothing', () => {
    const event = { type: 'audio-received', audioSeconds: 1, level: 0.1, elapsedMs: 900 } as const;
    const once = transition(STATES.recording, event);
    expect(transition(once, event)).toBe(once);
    const progress = { type: 'stream-progressed', bytesSent: 10, bytesAcknowledged: 0, reconnects: 0 } as const;
    const streamed = transition(once, progress);
    expect(transition(streamed, progress)).toBe(streamed);
  });

  it('speaking flips on speech-started and back on speech-found; repeats change nothing; an error or a cancel clears it', () => {
    const speaking = transition(STATES.recording, { type: 'speech-started' });
    expect(speaking.activity.speaking).toBe(true);
    expect(transition(speaking, { type: 'speech-started' })).toBe(speaking);
    const ended = transition(speaking, { type: 'speech-found', speechSeconds: 1.5 });
    expect(ended.activity).toMatchObject({ speaking: false, speechSeconds: 1.5 });
    expect(transition(ended, { type: 'speech-found', speechSeconds: 1.5 })).toBe(ended);
    expect(transition(speaking, { type: 'error', error: new APIError('x') }).activity.speaking).toBe(false);
    expect(transition(speaking, { type: 'cancelled' }).activity.speaking).toBe(false);
  });

  it('source-failed remembers the device error and drops the meter while the status stays', () => {
    const error = new APIError('device gone');
    const recording = transition(STATES.created, { type: 'audio-received', audioSeconds: 2, level: 0.3, elapsedMs: 2000 });
    const failed = transition(recording, { type: 'source-failed', error });
    expect(failed).toMatchObject({ status: 'recording', activity: { lastError: error, level: 0, audioSeconds: 2 } });
  });

  it('a failed chunk remembers its error as lastError while the session goes on', () => {
    const error = new APIError('503');
    const state = transition(STATES.recording, { type: 'chunk-failed', index: 0, willRetry: true, error });
    expect(state).toMatchObject({ status: 'recording', activity: { lastError: error } });
  });

  it('queue-changed sets chunksPending on its own axis, keeps it through an error (the chunks stay for resume), and an identical report changes nothing', () => {
    const queued = transition(STATES.recording, { type: 'queue-changed', chunksPending: 3 });
    expect(queued).toMatchObject({ status: 'recording', activity: { chunksPending: 3, chunksQueued: 1, uploadsInFlight: 1 } });
    expect(transition(queued, { type: 'queue-changed', chunksPending: 3 })).toBe(queued);
    const failed = transition(queued, { type: 'error', error: new APIError('404') });
    expect(failed).toMatchObject({ status: 'error', activity: { chunksPending: 3 } });
    expect(transition(STATES.completed, { type: 'queue-changed', chunksPending: 1 })).toBe(STATES.completed);
  });

  it('cancel keeps the session id and ignores what arrives afterwards', () => {
    const cancelled = transition(STATES.recording, { type: 'cancelled' });
    expect(cancelled).toMatchObject({ status: 'cancelled', sessionId: ID });
    expect(transition(cancelled, { type: 'status-polled', result: poll('completed') })).toBe(cancelled);
    expect(transition(STATES.creating, { type: 'cancelled' })).toMatchObject({ status: 'cancelled', sessionId: undefined });
  });
});
