import { createScribeCore, createScribeSession, listPendingSessions, resumePendingSessions, SessionNotFoundError, type ChunkStore, type PcmBlock, type SessionAudioSource, type WebSocketFactory } from '@scribe/core';
import { createScriptedVoiceActivityDetector, frameRms } from '@scribe/core/internal';
import { createManualClock, createScriptedTransport, createTestConfig, ScriptedWebSocket, type ScriptedHandler, type ScriptedTransport } from '@scribe/core/testing';
import type { ScribeReactClient, ScribeSessionRequest } from '../../src';

export const BASE = 'https://api.eka.care/voice';
const RATE = 16000;

/** Half a second of a 440 Hz tone (speech to the scripted detector) or of silence. */
export function block(kind: 'tone' | 'silence'): PcmBlock {
  const samples = new Float32Array(RATE / 2);
  if (kind === 'tone') for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / RATE);
  return { channels: [samples], sampleRate: RATE };
}

/** A promise the test settles by hand, to hold a request open. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A fake microphone: what a browser's getUserMedia + AudioWorklet would hand core, fed block by block by the test. */
export function createFakeMicrophone(options: { openError?: unknown; openWhen?: Promise<void> } = {}) {
  const waiting: ((value: IteratorResult<PcmBlock>) => void)[] = [];
  const captured: PcmBlock[] = [];
  let closed = false;
  let opens = 0;
  let released = 0;
  const source: SessionAudioSource = {
    live: true,
    description: 'the microphone',
    open: async (signal) => {
      opens += 1;
      closed = false;
      await options.openWhen;
      if (options.openError) throw options.openError;
      signal.addEventListener('abort', () => (released += 1), { once: true });
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
      released += 1;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
    },
  };
  /** Hands one block over and returns once the session has taken it in and asks for the next one. */
  const speak = async (kind: 'tone' | 'silence', { wait = true } = {}) => {
    const resolve = waiting.shift();
    if (resolve) resolve({ done: false, value: block(kind) });
    else captured.push(block(kind));
    while (wait && !closed && (captured.length > 0 || waiting.length === 0)) await new Promise((next) => setTimeout(next, 0));
  };
  return { source, speak, opens: () => opens, isClosed: () => closed, released: () => released > 0 };
}

/** A file "decoded" as the browser would: the test's Blob holds the words `tone`/`silence`, comma separated. */
function fileSource(file: Blob): SessionAudioSource {
  return { live: false, description: 'visit.wav', open: async () => (await file.text()).split(',').map((kind) => block(kind.trim() as 'tone' | 'silence')) };
}

/** The service: create, raw chunk uploads, end, and a result ready at the second poll; `hold` keeps one call open. */
export function createService(options: { upload?: ScriptedHandler; create?: ScriptedHandler; hold?: Partial<Record<'create' | 'end' | 'poll', Promise<void>>> } = {}) {
  let polls = 0;
  return createScriptedTransport(async (request, n) => {
    if (request.url.includes('.well-known')) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) {
      await options.hold?.create;
      return options.create ? options.create(request, n) : { status: 201, data: { session_id: 'ses_1', status: 'created' } };
    }
    if (request.url.includes('/audio/')) return options.upload ? options.upload(request, n) : { status: 200, data: { success: true } };
    if (request.url.endsWith('/end')) {
      await options.hold?.end;
      return { status: 202, data: { session_id: 'ses_1', status: 'processing', audio_files_received: 1 } };
    }
    await options.hold?.poll;
    polls += 1;
    return polls < 2
      ? { status: 202, data: { session_id: 'ses_1', status: 'processing' } }
      : { status: 200, data: { session_id: 'ses_1', status: 'completed', transcript: 'hello', templates: [{ eka_emr_template: { status: 'success', data: EMR } }] } };
  });
}

/** An EMR note as the reference server fills `eka_emr_template`. */
export const EMR = { medications: [{ name: 'Paracetamol', text: 'Paracetamol 500 mg', dose: { value: 500, unit: 'mg', text: '500 mg' } }] };

/** Chunks cut after a second of speech and half a second of pause, so a short test cuts several. */
const SHORT_CHUNKS = { preferredChunkSeconds: 1, maxChunkSeconds: 2, cutWindowSeconds: 0.5, maxMergeGapSeconds: 0.5 };

/**
 * A ScribeReactClient the way @scribe/browser builds one, with only the browser media APIs faked: core's real session
 * controller, core's real client over a scripted transport (or the real HTTP transport over a scripted fetch), and
 * the scripted voice-activity detector in place of Silero.
 */
export function createTestClient(options: { transport?: ScriptedTransport; fetch?: typeof fetch; microphone?: ReturnType<typeof createFakeMicrophone>; createWebSocket?: WebSocketFactory; chunkStore?: ChunkStore } = {}) {
  const clock = createManualClock({ autoAdvance: true });
  // With `fetch`, core's real HTTP transport (its retries included) runs over it and `transport` goes unused.
  const transport = options.transport ?? createService();
  const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE, pollInterval: 0 }), transport: options.fetch ? undefined : transport, fetch: options.fetch, clock, random: () => 0, createWebSocket: options.createWebSocket });
  const microphone = options.microphone ?? createFakeMicrophone();
  const requests: ScribeSessionRequest[] = [];
  const client: ScribeReactClient = {
    session(request) {
      requests.push(request);
      return createScribeSession(core, {
        audio: 'file' in request.audio ? fileSource(request.audio.file) : microphone.source,
        transport: request.transport,
        create: request.create,
        onProgress: request.onProgress,
        createDetector: async () => createScriptedVoiceActivityDetector({ probability: (_, frame) => (frameRms(frame) > 0.05 ? 0.9 : 0.05) }),
        speech: { readAhead: 0, chunking: SHORT_CHUNKS },
        chunkStore: options.chunkStore,
        clock,
      });
    },
    waitForResults: (sessionId, waitOptions) => core.waitForResults(sessionId, waitOptions),
    ...(options.chunkStore
      ? {
          pendingSessions: () => listPendingSessions(options.chunkStore!),
          resumePending: (resumeOptions: { signal?: AbortSignal }) => resumePendingSessions(core, options.chunkStore!, { ...resumeOptions, clock }),
        }
      : {}),
  };
  return { client, microphone, requests, transport, clock };
}

/** The service's end of a stream: accepts the socket, acknowledges nothing, closes normally after the stop frame. */
export function createStreamService() {
  const sockets: ScriptedWebSocket[] = [];
  class ServiceSocket extends ScriptedWebSocket {
    constructor(url: string) {
      super(url);
      queueMicrotask(() => this.open());
    }
    override send(data: string | Uint8Array): void {
      super.send(data);
      if (typeof data === 'string' && data.includes('"stop"')) queueMicrotask(() => this.readyState === 1 && this.drop(1000));
    }
  }
  const createWebSocket: WebSocketFactory = (url) => {
    const socket = new ServiceSocket(url);
    sockets.push(socket);
    return socket;
  };
  const transport = createService({ create: () => ({ status: 201, data: { session_id: 'ses_1', status: 'created', upload_url: 'ws://127.0.0.1:9/v1/stream/ses_1' } }) });
  return { sockets, createWebSocket, transport };
}
