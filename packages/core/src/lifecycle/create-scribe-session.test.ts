import { describe, expect, it } from 'vitest';
import { createScriptedVoiceActivityDetector, frameRms } from '../audio/create-scripted-voice-activity-detector';
import type { PcmBlock } from '../audio/pcm-block';
import { createScribeCore } from '../client/create-scribe-core';
import { APIError, ScribeError, SessionNotFoundError, type ScribeErrorCode } from '../errors';
import { createManualClock } from '../testing/manual-clock';
import { createScriptedTransport, hangUntilAborted, type ScriptedHandler } from '../testing/scripted-transport';
import { createTestConfig } from '../testing/test-config';
import { createScribeSession } from './create-scribe-session';
import type { ScribeSessionOptions } from './scribe-session';
import type { SessionAudioSource } from './session-audio-source';
import type { SessionState } from './session-state';

const BASE = 'https://api.eka.care/voice';
const RATE = 16000;

/** Half a second of a 440 Hz tone (speech to the scripted detector) or of silence. */
function block(kind: 'tone' | 'silence'): PcmBlock {
  const samples = new Float32Array(RATE / 2);
  if (kind === 'tone') for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / RATE);
  return { channels: [samples], sampleRate: RATE };
}

/** Chunks cut after a second of speech and half a second of pause, so a short test cuts several. */
const SHORT_CHUNKS = { preferredChunkSeconds: 1, maxChunkSeconds: 2, cutWindowSeconds: 0.5, maxMergeGapSeconds: 0.5 };

const CONSULTATION = ['tone', 'tone', 'silence', 'silence', 'tone', 'tone', 'silence', 'silence'] as const;

/** The service: create, raw chunk uploads, end, and results that are ready at the second poll. */
function service(uploadReply: ScriptedHandler = () => ({ status: 200, data: { success: true } })) {
  let polls = 0;
  return createScriptedTransport((request, n) => {
    if (request.url.includes('.well-known')) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) return { status: 201, data: { session_id: 'ses_1', status: 'created' } };
    if (request.url.includes('/audio/')) return uploadReply(request, n);
    if (request.url.endsWith('/end')) return { status: 202, data: { session_id: 'ses_1', status: 'processing', audio_files_received: 1 } };
    polls += 1;
    return polls < 2
      ? { status: 202, data: { session_id: 'ses_1', status: 'processing' } }
      : { status: 200, data: { session_id: 'ses_1', status: 'completed', transcript: 'hello' } };
  });
}

function setup(overrides: Partial<ScribeSessionOptions> & { audio: SessionAudioSource }, transport = service()) {
  const clock = createManualClock({ autoAdvance: true });
  const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE, pollInterval: 0 }), transport, clock });
  const session = createScribeSession(core, {
    createDetector: async () => createScriptedVoiceActivityDetector({ probability: (_, frame) => (frameRms(frame) > 0.05 ? 0.9 : 0.05) }),
    speech: { readAhead: 0 },
    clock,
    ...overrides,
  });
  const seen: SessionState[] = [];
  session.subscribe(() => seen.push(session.getSnapshot()));
  return { session, transport, seen };
}

/** One line per snapshot: status, then the counters that changed the picture. */
const line = (state: SessionState) => {
  const { status, activity: a } = state;
  const result = 'result' in state && state.result ? ` result=${state.result.status}` : '';
  return `${status}${result} cut=${a.chunksCut} q=${a.chunksQueued} up=${a.uploadsInFlight} ok=${a.chunksAcknowledged} x=${a.chunksFailed} audio=${a.audioSeconds} speech=${a.speechSeconds.toFixed(2)} level=${a.level}${a.speaking ? ' speaking' : ''}${a.paused ? ' paused' : ''}`;
};

const fileSource = (blocks: readonly ('tone' | 'silence')[]): SessionAudioSource => ({ live: false, description: 'visit.wav', open: () => blocks.map(block) });

/** A live source (a microphone) fed by the test; `close` ends it with what was captured. */
function liveSource() {
  const waiting: ((value: IteratorResult<PcmBlock>) => void)[] = [];
  const captured: PcmBlock[] = [];
  let closed = false;
  let opens = 0;
  const source: SessionAudioSource = {
    live: true,
    description: 'the microphone',
    open: () => {
      opens += 1;
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            const next = captured.shift();
            if (next) return Promise.resolve({ done: false, value: next });
            if (closed) return Promise.resolve({ done: true, value: undefined });
            return new Promise<IteratorResult<PcmBlock>>((resolve) => waiting.push(resolve));
          },
        }),
      };
    },
    close: () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
    },
  };
  // Hands one block over and returns once the session has taken it in and asks for the next one.
  const speak = async (kind: 'tone' | 'silence', { wait = true } = {}) => {
    const resolve = waiting.shift();
    if (resolve) resolve({ done: false, value: block(kind) });
    else captured.push(block(kind));
    while (wait && !closed && (captured.length > 0 || waiting.length === 0)) await new Promise((next) => setTimeout(next, 0));
  };
  return { source, speak, opens: () => opens, isClosed: () => closed };
}

/** A live source that yields `kinds` as captured audio, then fails as an unplugged device does. */
function failingMicrophone(kinds: readonly ('tone' | 'silence')[], error: unknown) {
  let closed = false;
  const source: SessionAudioSource = {
    live: true,
    description: 'the microphone',
    open: async function* () {
      for (const kind of kinds) yield block(kind);
      throw error;
    },
    close: () => void (closed = true),
  };
  return { source, isClosed: () => closed };
}

describe('createScribeSession: chunked sessions, snapshot by snapshot', () => {
  it('file upload: create, read, cut the speech into one chunk (the pause is short), upload it, end, poll, completed', async () => {
    const { session, seen, transport } = setup({ audio: fileSource(CONSULTATION) });
    expect(transport.requests).toHaveLength(0); // lazy until start
    await session.start();
    const result = await session.result();
    expect(result).toMatchObject({ status: 'completed', transcript: 'hello' });
    expect(seen.map(line)).toEqual([
      'creating cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0',
      'created cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.00 level=0.21 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=1.5 speech=0.00 level=0 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=0.00 level=0 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=1.34 level=0',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=2.5 speech=1.34 level=0.21',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=2.5 speech=1.34 level=0.21 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=3 speech=1.34 level=0.21 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=3.5 speech=1.34 level=0 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=4 speech=1.34 level=0 speaking',
      'recording cut=0 q=0 up=0 ok=0 x=0 audio=4 speech=3.01 level=0',
      'ending cut=0 q=0 up=0 ok=0 x=0 audio=4 speech=3.01 level=0',
      'ending cut=1 q=1 up=0 ok=0 x=0 audio=4 speech=3.01 level=0',
      'ending cut=1 q=0 up=1 ok=0 x=0 audio=4 speech=3.01 level=0',
      'ending cut=1 q=0 up=0 ok=1 x=0 audio=4 speech=3.01 level=0',
      'processing cut=1 q=0 up=0 ok=1 x=0 audio=4 speech=3.01 level=0',
      'processing result=processing cut=1 q=0 up=0 ok=1 x=0 audio=4 speech=3.01 level=0',
      'completed result=completed cut=1 q=0 up=0 ok=1 x=0 audio=4 speech=3.01 level=0',
    ]);
    const calls = transport.requests.filter((r) => !r.url.includes('.well-known')).map((r) => `${r.method} ${r.url.replace(BASE, '')}`);
    expect(calls).toEqual(['POST /v1/sessions', 'POST /v1/sessions/ses_1/audio/chunk_0.wav', 'POST /v1/sessions/ses_1/end', 'GET /v1/sessions/ses_1', 'GET /v1/sessions/ses_1']);
    expect(seen.at(-1)?.activity.speechSeconds).toBeGreaterThan(2);
  });

  it('live PCM: audio is cut into chunks while recording, paused audio is dropped, stop flushes, ends and polls', async () => {
    const mic = liveSource();
    const { session, seen } = setup({ audio: mic.source, speech: { readAhead: 0, chunking: SHORT_CHUNKS } });
    await session.start();
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'tone', 'silence', 'silence'] as const) await mic.speak(kind);
    session.pause();
    await mic.speak('tone'); // dropped: paused
    session.resume();
    await mic.speak('silence');
    await session.stop();
    const result = await session.result();
    expect(result.status).toBe('completed');
    expect(mic.isClosed()).toBe(true);
    const lines = seen.map(line);
    expect(lines.filter((l) => l.includes('paused'))).toHaveLength(1);
    expect(lines).toMatchSnapshot();
    const last = seen.at(-1)!;
    expect(last.activity).toMatchObject({ audioSeconds: 4, chunksCut: 2, chunksAcknowledged: 2, chunksQueued: 0, uploadsInFlight: 0, paused: false });
    // The first chunk was cut and uploaded while the microphone was still recording.
    const firstUpload = lines.findIndex((l) => l.includes('ok=1'));
    expect(lines[firstUpload]).toMatch(/^recording/);
  });

  it('start called twice and stop called twice: one session, one source, one end', async () => {
    const mic = liveSource();
    const { session, transport, seen } = setup({ audio: mic.source });
    const first = session.start();
    expect(session.start()).toBe(first);
    await first;
    await mic.speak('tone');
    await mic.speak('silence');
    const stopping = session.stop();
    expect(session.stop()).toBe(stopping);
    await Promise.all([stopping, session.stop()]);
    await session.result();
    expect(mic.opens()).toBe(1);
    const creates = transport.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/v1/sessions'));
    const ends = transport.requests.filter((r) => r.url.endsWith('/end'));
    expect([creates.length, ends.length]).toEqual([1, 1]);
    expect(seen.map(line)).toMatchInlineSnapshot(`
      [
        "creating cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "created cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.00 level=0 speaking",
        "ending cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.00 level=0 speaking",
        "ending cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.83 level=0",
        "ending cut=1 q=1 up=0 ok=0 x=0 audio=1 speech=0.83 level=0",
        "ending cut=1 q=0 up=1 ok=0 x=0 audio=1 speech=0.83 level=0",
        "ending cut=1 q=0 up=0 ok=1 x=0 audio=1 speech=0.83 level=0",
        "processing cut=1 q=0 up=0 ok=1 x=0 audio=1 speech=0.83 level=0",
        "processing result=processing cut=1 q=0 up=0 ok=1 x=0 audio=1 speech=0.83 level=0",
        "completed result=completed cut=1 q=0 up=0 ok=1 x=0 audio=1 speech=0.83 level=0",
      ]
    `);
  });

  it('stop before start does nothing and a later start still works (React Strict Mode mounts twice)', async () => {
    const { session, transport } = setup({ audio: fileSource(['tone', 'silence']) });
    await session.stop();
    expect(session.getSnapshot().status).toBe('idle');
    expect(transport.requests).toHaveLength(0);
    await session.start();
    expect((await session.result()).status).toBe('completed');
  });

  it('cancel during an upload: the upload is aborted, the source released, nothing is ended, the status is cancelled', async () => {
    let uploadStarted!: () => void;
    const started = new Promise<void>((resolve) => (uploadStarted = resolve));
    const transport = service((request) => {
      uploadStarted();
      return hangUntilAborted(request.signal);
    });
    const mic = liveSource();
    const { session, seen } = setup({ audio: mic.source, speech: { readAhead: 0, chunking: SHORT_CHUNKS } }, transport);
    await session.start();
    // Captured faster than the hanging upload lets the pipeline read: the source holds the rest.
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'silence', 'tone'] as const) await mic.speak(kind, { wait: false });
    await started;
    expect(session.getSnapshot().activity.uploadsInFlight).toBe(1);
    const cancelling = session.cancel();
    expect(session.cancel()).toBe(cancelling);
    await cancelling;
    await expect(session.result()).rejects.toMatchObject({ code: 'aborted' });
    expect(mic.isClosed()).toBe(true);
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    expect(seen.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])).toEqual(['creating', 'created', 'recording', 'cancelled']);
    expect(seen.map(line)).toMatchInlineSnapshot(`
      [
        "creating cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "created cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.00 level=0.21 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=1.5 speech=0.00 level=0 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=0.00 level=0 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=1 up=0 ok=0 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=0 up=1 ok=0 x=0 audio=2 speech=1.34 level=0",
        "cancelled cut=1 q=0 up=0 ok=0 x=0 audio=2 speech=1.34 level=0",
      ]
    `);
    expect(session.getSnapshot().activity).toMatchObject({ chunksCut: 1, chunksAcknowledged: 0, uploadsInFlight: 0, chunksQueued: 0 });
    await session.stop(); // after cancel: nothing more happens
    expect(session.getSnapshot().status).toBe('cancelled');
  });

  it('an upload that keeps failing: the error is the session\'s, with lastError set, the chunk counted failed and the microphone released', async () => {
    const transport = service(() => {
      throw new APIError('HTTP 400 bad chunk', { status: 400 });
    });
    const mic = liveSource();
    const { session } = setup({ audio: mic.source, speech: { readAhead: 0, chunking: SHORT_CHUNKS } }, transport);
    await session.start();
    for (const kind of ['tone', 'tone', 'silence', 'silence', 'silence'] as const) await mic.speak(kind);
    await expect(session.result()).rejects.toMatchObject({ code: 'api_error', status: 400 });
    const snapshot = session.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'error', failedIn: 'recording', activity: { chunksFailed: 1, uploadsInFlight: 0 } });
    expect(snapshot.activity.lastError).toBe(snapshot.status === 'error' ? snapshot.error : undefined);
    expect(mic.isClosed()).toBe(true);
  });

  it('a live source opens before the session is created: a refused permission fails before any request, leaving no session', async () => {
    const denied = new ScribeError('microphone_permission_denied' as ScribeErrorCode, 'Microphone access was refused.');
    const order: string[] = [];
    const transport = service();
    const microphone: SessionAudioSource = {
      live: true,
      open: () => {
        order.push('open');
        throw denied;
      },
    };
    const { session, seen } = setup({ audio: microphone }, transport);
    await expect(session.start()).rejects.toBe(denied);
    expect(transport.requests.filter((r) => !r.url.includes('.well-known'))).toEqual([]);
    expect(order).toEqual(['open']);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', failedIn: 'creating', sessionId: undefined, error: denied });
    expect(seen.map((s) => s.status)).toEqual(['creating', 'error']);
  });

  it('a live source that opened is released when the create then fails; a file is opened only after the create', async () => {
    const refusing = createScriptedTransport(() => {
      throw new APIError('HTTP 503', { status: 503 });
    });
    const mic = liveSource();
    const { session } = setup({ audio: mic.source }, refusing);
    await expect(session.start()).rejects.toMatchObject({ status: 503 });
    expect([mic.opens(), mic.isClosed()]).toEqual([1, true]);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', failedIn: 'creating' });

    const order: string[] = [];
    const transport = service();
    const file: SessionAudioSource = {
      live: false,
      open: () => {
        order.push(`open after ${transport.requests.filter((r) => r.url.endsWith('/v1/sessions')).length} create`);
        return [block('tone'), block('silence')];
      },
    };
    const filed = setup({ audio: file }, transport);
    await filed.session.start();
    await filed.session.result();
    expect(order).toEqual(['open after 1 create']);
  });

  it('cancel while a live source is opening (a permission prompt): the source is released once it opens, no request is made', async () => {
    let grant!: () => void;
    const transport = service();
    const mic = liveSource();
    const prompt: SessionAudioSource = { ...mic.source, open: (signal) => new Promise((resolve) => (grant = () => resolve(mic.source.open(signal)))) };
    const { session } = setup({ audio: prompt }, transport);
    const starting = session.start();
    await session.cancel();
    grant();
    await expect(starting).rejects.toMatchObject({ code: 'aborted' });
    expect(mic.isClosed()).toBe(true);
    expect(transport.requests.filter((r) => !r.url.includes('.well-known'))).toEqual([]);
    expect(session.getSnapshot().status).toBe('cancelled');
  });

  it('a live source that fails after yielding audio (the microphone unplugged): every chunk is uploaded, the speech in progress included, then error; never ended', async () => {
    const unplugged = new ScribeError('microphone_ended' as ScribeErrorCode, 'The microphone was disconnected.');
    const mic = failingMicrophone(['tone', 'tone', 'silence', 'silence', 'silence', 'tone', 'tone'], unplugged);
    const { session, seen, transport } = setup({ audio: mic.source, speech: { readAhead: 0, chunking: SHORT_CHUNKS } });
    await session.start();
    await expect(session.result()).rejects.toBe(unplugged);
    const calls = transport.requests.filter((r) => !r.url.includes('.well-known')).map((r) => `${r.method} ${r.url.replace(BASE, '')}`);
    expect(calls).toEqual(['POST /v1/sessions', 'POST /v1/sessions/ses_1/audio/chunk_0.wav', 'POST /v1/sessions/ses_1/audio/chunk_1.wav']);
    const snapshot = session.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'error', failedIn: 'recording', sessionId: 'ses_1', error: unplugged });
    expect(snapshot.activity).toMatchObject({ lastError: unplugged, audioSeconds: 3.5, chunksCut: 2, chunksAcknowledged: 2, chunksQueued: 0, uploadsInFlight: 0, chunksFailed: 0, level: 0 });
    expect(mic.isClosed()).toBe(true);
    await expect(session.stop()).rejects.toBe(unplugged); // nothing more to do: the session stays open
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
    // The device error shows at once (the meter drops), while the speech in progress is flushed and uploaded.
    expect(seen.map((s) => `${line(s)}${s.activity.lastError ? ' !' : ''}`)).toMatchInlineSnapshot(`
      [
        "creating cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "created cut=0 q=0 up=0 ok=0 x=0 audio=0 speech=0.00 level=0",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=0.5 speech=0.00 level=0.21 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=1 speech=0.00 level=0.21 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=1.5 speech=0.00 level=0 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=0.00 level=0 speaking",
        "recording cut=0 q=0 up=0 ok=0 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=1 up=0 ok=0 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=0 up=1 ok=0 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=2 speech=1.34 level=0",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=2.5 speech=1.34 level=0",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=3 speech=1.34 level=0.21",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=3 speech=1.34 level=0.21 speaking",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=3.5 speech=1.34 level=0.21 speaking",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=3.5 speech=1.34 level=0 speaking !",
        "recording cut=1 q=0 up=0 ok=1 x=0 audio=3.5 speech=2.67 level=0 !",
        "recording cut=2 q=1 up=0 ok=1 x=0 audio=3.5 speech=2.67 level=0 !",
        "recording cut=2 q=0 up=1 ok=1 x=0 audio=3.5 speech=2.67 level=0 !",
        "recording cut=2 q=0 up=0 ok=2 x=0 audio=3.5 speech=2.67 level=0 !",
        "error cut=2 q=0 up=0 ok=2 x=0 audio=3.5 speech=2.67 level=0 !",
      ]
    `);
  });

  it('no speech at all: an InvalidAudioError, the session left open (no end call)', async () => {
    const { session, transport } = setup({ audio: fileSource(['silence', 'silence']) });
    await session.start();
    await expect(session.result()).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('No speech was found in visit.wav') });
    expect(session.getSnapshot().status).toBe('error');
    expect(transport.requests.some((r) => r.url.endsWith('/end'))).toBe(false);
  });
});
