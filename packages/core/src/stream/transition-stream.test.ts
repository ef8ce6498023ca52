import { describe, expect, it } from 'vitest';
import { AbortError, APIError, SessionExpiredError, SessionStateError } from '../errors';
import { backoffDelayMs } from '../retry/retry-policy';
import { STREAM_EVENT_TYPES, STREAM_STATE_KINDS, type StreamEffect, type StreamEvent, type StreamMachineSettings, type StreamState } from './stream-machine';
import { connectionOf, initialStreamState, phaseOf, transitionStream } from './transition-stream';

const SETTINGS: StreamMachineSettings = Object.freeze({
  sessionId: 'ses_1',
  url: 'ws://127.0.0.1:1/v1/stream/sessions/abc/audio?ack=1',
  resume: true,
  frameMode: 'binary',
  ackTimeoutMs: 5000,
  finalizeTimeoutMs: 10_000,
  initialDelayMs: 100,
  maxDelayMs: 1000,
  maxAttempts: 3,
});

const base = { settings: SETTINGS, acknowledged: 1000, reconnects: 1 };
const stopping = { reason: undefined };

/** One representative state per kind, plus the stop intent on the states where it changes what happens. */
const STATES: Record<string, StreamState> = {
  idle: initialStreamState(SETTINGS),
  connecting: { kind: 'connecting', settings: SETTINGS, acknowledged: 0, reconnects: 0, failedAttempts: 0, stop: undefined },
  'awaiting-ack': { kind: 'awaiting-ack', ...base, failedAttempts: 1, stop: undefined },
  ready: { kind: 'ready', ...base, stop: undefined },
  'ready+stop': { kind: 'ready', ...base, stop: stopping },
  'reconnect-wait': { kind: 'reconnect-wait', ...base, failedAttempts: 1, stop: undefined },
  'reconnect-wait+stop': { kind: 'reconnect-wait', ...base, failedAttempts: 1, stop: stopping },
  closing: { kind: 'closing', ...base, stop: stopping },
  stopped: { kind: 'stopped', ...base, closedByServer: true },
  failed: { kind: 'failed', ...base, error: new APIError('boom') },
};

const closed = (code: number, unacknowledgedBytes = 3000): StreamEvent => ({ type: 'socket-closed', code, reason: '', unacknowledgedBytes, jitter: 0.5 });

/** The events of the table, by column; several columns exercise variants of one event type. */
const EVENTS: Record<string, StreamEvent> = {
  connect: { type: 'connect-requested' },
  opened: { type: 'socket-opened' },
  ack: { type: 'ack-received', bytes: 2000 },
  'ack(lower)': { type: 'ack-received', bytes: 500 },
  'closed:1006': closed(1006),
  'closed:1006(all acked)': closed(1006, 0),
  'closed:1000': closed(1000),
  'closed:4410': closed(4410),
  'reconnect-due': { type: 'reconnect-due' },
  'ack-timeout': { type: 'ack-timeout', jitter: 0.5 },
  audio: { type: 'audio-accepted' },
  drained: { type: 'socket-drained' },
  stop: { type: 'stop-requested' },
  'stop-timeout': { type: 'stop-timeout' },
  'stop-cancelled': { type: 'stop-cancelled' },
  failed: { type: 'failed', error: new APIError('socket factory') },
  aborted: { type: 'aborted', error: new AbortError() },
};

/** Short names of effects in the table. */
const EFFECT_NAMES: Record<string, StreamEffect['type']> = {
  open: 'open-socket',
  start: 'send-start',
  queue: 'send-queued',
  release: 'release-acknowledged',
  resend: 'resend-from',
  stop: 'send-stop',
  close: 'close-socket',
  reconnect: 'schedule-reconnect',
  ackTimer: 'schedule-ack-timeout',
  stopTimer: 'schedule-stop-timeout',
  cancel: 'cancel-timer',
  settle: 'settle-opened',
  log: 'log',
  free: 'release',
};

const COLUMNS = Object.keys(EVENTS);
const _ = '—'; // rejected: the very same state object comes back, and no effects
const FAIL = 'failed | settle log free'; // the socket is already gone
const FAIL_CLOSING = 'failed | close settle log free'; // the runner closes the socket
const DROP = 'reconnect-wait | log reconnect';

// prettier-ignore
/** Expected `kind` (`+stop` with a stop intent) and effects after each event, per starting state, in COLUMNS order. */
const TABLE: Record<string, string[]> = {
  //                      connect                   opened                   ack                                                ack(lower)    closed:1006                    closed:1006(acked)     closed:1000         closed:4410   reconnect-due             ack-timeout                             audio                drained                    stop                      stop-timeout                stop-cancelled                  failed         aborted
  idle:                   ['connecting | open',     _,                       _,                                                 _,            _,                             _,                     _,                  _,            _,                        _,                                      'connecting | open', _,                         'stopped | settle free',  _,                          _,                              FAIL,          FAIL],
  connecting:             [_,                       'awaiting-ack | ackTimer', _,                                               _,            DROP,                          DROP,                  FAIL,               FAIL,         _,                        _,                                      _,                   _,                         'connecting+stop |',      _,                          _,                              FAIL_CLOSING,  FAIL_CLOSING],
  'awaiting-ack':         [_,                       _,                       'ready | cancel release resend queue settle',      FAIL_CLOSING, DROP,                          DROP,                  FAIL,               FAIL,         _,                        'reconnect-wait | close log reconnect', _,                   _,                         'awaiting-ack+stop |',    _,                          _,                              FAIL_CLOSING,  FAIL_CLOSING],
  ready:                  [_,                       _,                       'ready | release queue',                           FAIL_CLOSING, DROP,                          DROP,                  FAIL,               FAIL,         _,                        _,                                      'ready | queue',     _,                         'ready+stop | queue',     _,                          _,                              FAIL_CLOSING,  FAIL_CLOSING],
  'ready+stop':           [_,                       _,                       'ready+stop | release queue',                      FAIL_CLOSING, 'reconnect-wait+stop | log reconnect', 'reconnect-wait+stop | log reconnect', FAIL, FAIL, _,                  _,                                      'ready+stop | queue', 'closing | stop stopTimer', _,                      _,                          'stopped | close settle free',  FAIL_CLOSING,  FAIL_CLOSING],
  'reconnect-wait':       [_,                       _,                       _,                                                 _,            _,                             _,                     _,                  _,            'connecting | open',      _,                                      _,                   _,                         'reconnect-wait+stop |',  _,                          _,                              FAIL,          FAIL],
  'reconnect-wait+stop':  [_,                       _,                       _,                                                 _,            _,                             _,                     _,                  _,            'connecting+stop | open', _,                                      _,                   _,                         _,                        _,                          'stopped | settle free',        FAIL,          FAIL],
  closing:                [_,                       _,                       'closing | release',                               FAIL_CLOSING, 'reconnect-wait+stop | log reconnect', 'stopped | free', 'stopped | free', FAIL,     _,                        _,                                      _,                   _,                         _,                        'stopped | log close free', 'stopped | close free',         FAIL_CLOSING,  FAIL_CLOSING],
  stopped:                [_,                       _,                       _,                                                 _,            _,                             _,                     _,                  _,            _,                        _,                                      _,                   _,                         _,                        _,                          _,                              _,             _],
  failed:                 [_,                       _,                       _,                                                 _,            _,                             _,                     _,                  _,            _,                        _,                                      _,                   _,                         _,                        _,                          _,                              _,             _],
};

/** `kind`, with `+stop` when a stop is pending (closing always stops, so it goes without). */
function label(state: StreamState): string {
  return state.kind !== 'closing' && 'stop' in state && state.stop ? `${state.kind}+stop` : state.kind;
}

describe('transitionStream: every (state × event) pair', () => {
  it('covers every state kind and every event type', () => {
    expect(new Set(Object.values(STATES).map((state) => state.kind))).toEqual(new Set(STREAM_STATE_KINDS));
    expect(new Set(Object.values(EVENTS).map((event) => event.type))).toEqual(new Set(STREAM_EVENT_TYPES));
    expect(Object.keys(TABLE)).toEqual(Object.keys(STATES));
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(COLUMNS.length);
  });

  const cases = Object.keys(STATES).flatMap((row) => COLUMNS.map((column, index) => [row, column, TABLE[row]![index]!] as const));
  it.each(cases)('%s + %s → %s', (row, column, expected) => {
    const before = Object.freeze(STATES[row]!);
    const { state, effects } = transitionStream(before, EVENTS[column]!);
    if (expected === _) {
      expect(state).toBe(before);
      expect(effects).toEqual([]);
      return;
    }
    const [kind, names = ''] = expected.split('|').map((part) => part.trim());
    expect(state).not.toBe(before);
    expect(label(state)).toBe(kind);
    expect(effects.map((effect) => effect.type)).toEqual(names.split(' ').filter(Boolean).map((name) => EFFECT_NAMES[name]));
    expect(Object.isFrozen(state)).toBe(true);
  });
});

describe('transitionStream: details', () => {
  const run = (from: StreamState, events: StreamEvent[]) => {
    const effects: StreamEffect[] = [];
    const state = events.reduce((current, event) => {
      const next = transitionStream(current, event);
      effects.push(...next.effects);
      return next.state;
    }, from);
    return { state, effects };
  };
  const delays = (effects: readonly StreamEffect[]) => effects.flatMap((effect) => (effect.type === 'schedule-reconnect' ? [effect.delayMs] : []));

  it('reconnect delays are the retry policy backoff with the stream bounds and the jitter carried by the event', () => {
    const first = transitionStream(STATES.ready!, { ...closed(1006), jitter: 0.25 } as StreamEvent);
    expect(delays(first.effects)).toEqual([backoffDelayMs(0, { initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.25 })]);
    expect(delays(first.effects)).toEqual([63]);
    const failures = [closed(1006), { type: 'reconnect-due' }, closed(1006), { type: 'reconnect-due' }, closed(1006)] as StreamEvent[];
    const { state, effects } = run(STATES.ready!, failures);
    expect(delays(effects)).toEqual([75, 150, 300]);
    expect(state).toMatchObject({ kind: 'reconnect-wait', failedAttempts: 3, reconnects: 4 });
  });

  it('a successful connection resets the attempt count; the first failure past maxAttempts fails with the last close as cause', () => {
    const reset = run(STATES['awaiting-ack']!, [{ type: 'ack-received', bytes: 1000 }, closed(1006)]);
    expect(reset.state).toMatchObject({ kind: 'reconnect-wait', failedAttempts: 1 });
    const exhausted = transitionStream({ ...(STATES.connecting as Extract<StreamState, { kind: 'connecting' }>), failedAttempts: 3 }, closed(1011));
    expect(exhausted.state.kind).toBe('failed');
    const error = (exhausted.state as Extract<StreamState, { kind: 'failed' }>).error;
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toBe('The stream could not reconnect after 3 attempts.');
    expect(error.cause).toMatchObject({ details: { close_code: 1011 } });
  });

  it('effects carry what the runner needs: the URL, the offset to resend from, the timeouts, the close code', () => {
    expect(transitionStream(STATES.idle!, { type: 'connect-requested' }).effects).toContainEqual({ type: 'open-socket', url: SETTINGS.url });
    expect(transitionStream(STATES.connecting!, { type: 'socket-opened' }).effects).toEqual([{ type: 'schedule-ack-timeout', delayMs: 5000 }]);
    const acked = transitionStream(STATES['awaiting-ack']!, { type: 'ack-received', bytes: 2500 });
    expect(acked.effects.slice(1, 3)).toEqual([
      { type: 'release-acknowledged', offset: 2500 },
      { type: 'resend-from', offset: 2500 },
    ]);
    expect(acked.state.acknowledged).toBe(2500);
    expect(transitionStream(STATES['ready+stop']!, { type: 'socket-drained' }).effects).toEqual([
      { type: 'send-stop', reason: undefined },
      { type: 'schedule-stop-timeout', delayMs: 10_000 },
    ]);
    expect(transitionStream(STATES['awaiting-ack']!, { type: 'ack-timeout', jitter: 0 }).effects[0]).toEqual({ type: 'close-socket', code: 4000, reason: 'no ack' });
  });

  it('a stop reason reaches the stop frame, also through a reconnect', () => {
    const { state, effects } = run(STATES['reconnect-wait']!, [
      { type: 'stop-requested', reason: 'user_stopped' },
      { type: 'reconnect-due' },
      { type: 'socket-opened' },
      { type: 'ack-received', bytes: 1000 },
      { type: 'socket-drained' },
    ]);
    expect(state.kind).toBe('closing');
    expect(effects).toContainEqual({ type: 'send-stop', reason: 'user_stopped' });
  });

  it('close codes map to typed errors; a 1000 while streaming means the session takes no more audio', () => {
    const expired = transitionStream(STATES.ready!, closed(4410)).state;
    expect(expired).toMatchObject({ kind: 'failed', error: expect.any(SessionExpiredError) });
    expect((expired as Extract<StreamState, { kind: 'failed' }>).error.details).toMatchObject({ close_code: 4410 });
    expect(transitionStream(STATES.ready!, closed(1000)).state).toMatchObject({ kind: 'failed', error: expect.any(SessionStateError) });
    const lost = transitionStream(STATES.ready!, { type: 'ack-received', bytes: 999 }).state as Extract<StreamState, { kind: 'failed' }>;
    expect(lost.error.message).toContain('stored audio was lost');
  });

  it('without resume: ready on open, acks ignored, and any close after the stop frame ends the stream', () => {
    const plain = { ...SETTINGS, resume: false };
    const connecting: StreamState = { ...STATES.connecting!, settings: plain } as StreamState;
    expect(transitionStream(connecting, { type: 'socket-opened' })).toMatchObject({ state: { kind: 'ready' }, effects: [{ type: 'send-queued' }, { type: 'settle-opened' }] });
    const ready: StreamState = { ...STATES.ready!, settings: plain } as StreamState;
    expect(transitionStream(ready, { type: 'ack-received', bytes: 5000 }).state).toBe(ready);
    const closing: StreamState = { ...STATES.closing!, settings: plain } as StreamState;
    expect(transitionStream(closing, closed(1006)).state).toMatchObject({ kind: 'stopped', closedByServer: false });
  });

  it('JSON mode sends start first on every connection', () => {
    const json: StreamState = { ...STATES.connecting!, settings: { ...SETTINGS, frameMode: 'json' } } as StreamState;
    expect(transitionStream(json, { type: 'socket-opened' }).effects.map((effect) => effect.type)).toEqual(['send-start', 'schedule-ack-timeout']);
  });

  it('a stop before any connection opens no socket and rejects opened() with SessionStateError', () => {
    const { state, effects } = transitionStream(STATES.idle!, { type: 'stop-requested' });
    expect(state).toMatchObject({ kind: 'stopped', closedByServer: false });
    expect(effects.some((effect) => effect.type === 'open-socket')).toBe(false);
    expect(effects[0]).toMatchObject({ type: 'settle-opened', error: expect.any(SessionStateError) });
  });

  it('is pure: the same inputs give equal outputs and the input state is left as it was', () => {
    const before = STATES['awaiting-ack']!;
    const copy = structuredClone({ ...before, settings: { ...before.settings } });
    const event: StreamEvent = closed(1006);
    expect(transitionStream(before, event)).toEqual(transitionStream(before, event));
    expect({ ...before }).toEqual(copy);
  });

  it('snapshots read the connection and phase off the state: idle before connect, reconnecting until a socket opens again', () => {
    const reconnecting = { ...STATES.connecting!, failedAttempts: 1 } as StreamState;
    const rows = [...Object.values(STATES), reconnecting].map((state) => `${label(state)}: ${connectionOf(state)}/${phaseOf(state)}`);
    expect(rows).toEqual([
      'idle: idle/streaming',
      'connecting: connecting/streaming',
      'awaiting-ack: open/streaming',
      'ready: open/streaming',
      'ready+stop: open/stopping',
      'reconnect-wait: reconnecting/streaming',
      'reconnect-wait+stop: reconnecting/stopping',
      'closing: open/stopping',
      'stopped: closed/stopped',
      'failed: closed/failed',
      'connecting: reconnecting/streaming',
    ]);
  });
});
