import { describe, expect, it } from 'vitest';
import { createScriptedVoiceActivityDetector, frameRms } from '../audio/create-scripted-voice-activity-detector';
import type { PcmBlock } from '../audio/pcm-block';
import { createScribeCore } from '../client/create-scribe-core';
import { SessionNotFoundError } from '../errors';
import { createManualClock, type ManualClock } from '../testing/manual-clock';
import { createScriptedTransport } from '../testing/scripted-transport';
import { createTestConfig } from '../testing/test-config';
import { createScribeSession } from './create-scribe-session';
import type { ScribeSessionOptions } from './scribe-session';
import type { SessionAudioSource } from './session-audio-source';
import type { SessionState } from './session-state';

const BASE = 'https://api.eka.care/voice';
const RATE = 16000;
const BLOCK_MS = 50;
const SHORT_CHUNKS = { preferredChunkSeconds: 1, maxChunkSeconds: 2, cutWindowSeconds: 0.5, maxMergeGapSeconds: 0.5 };

/** 50 ms of a 440 Hz tone (speech to the scripted detector) or of silence, starting at sample `at`. */
function block(speech: boolean, at: number): PcmBlock {
  const samples = new Float32Array((RATE * BLOCK_MS) / 1000);
  if (speech) for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * (at + i)) / RATE);
  return { channels: [samples], sampleRate: RATE };
}

/**
 * A microphone delivering `seconds` of audio in real time on the manual clock: 1.5 s of speech then 1 s of pause,
 * over and over, one 50 ms block every 50 ms; then the device's capture ends (as `stop()` would).
 */
function realtimeMicrophone(clock: ManualClock, seconds: number): SessionAudioSource {
  return {
    live: true,
    open: async function* () {
      const blocks = (seconds * 1000) / BLOCK_MS;
      for (let n = 0; n < blocks; n++) {
        clock.spend(BLOCK_MS);
        const at = n * (RATE * BLOCK_MS) / 1000;
        yield block((n * BLOCK_MS) % 2500 < 1500, at);
      }
    },
  };
}

function service() {
  return createScriptedTransport((request) => {
    if (request.url.includes('.well-known')) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) return { status: 201, data: { session_id: 'ses_1', status: 'created' } };
    if (request.url.includes('/audio/')) return { status: 200, data: { success: true } };
    if (request.url.endsWith('/end')) return { status: 202, data: { session_id: 'ses_1', status: 'processing' } };
    return { status: 200, data: { session_id: 'ses_1', status: 'completed', transcript: 'hello' } };
  });
}

/** Runs a 10 s live session; returns every notification with the clock time it came at. */
async function recordTenSeconds(overrides: Partial<ScribeSessionOptions> = {}) {
  const clock = createManualClock();
  const core = createScribeCore({ config: createTestConfig({ baseUrl: BASE, pollInterval: 0 }), transport: service(), clock });
  const session = createScribeSession(core, {
    audio: realtimeMicrophone(clock, 10),
    createDetector: async () => createScriptedVoiceActivityDetector({ probability: (_, frame) => (frameRms(frame) > 0.05 ? 0.9 : 0.05) }),
    speech: { readAhead: 0, chunking: SHORT_CHUNKS },
    clock,
    ...overrides,
  });
  const notifications: { at: number; state: SessionState }[] = [];
  session.subscribe(() => notifications.push({ at: clock.now(), state: session.getSnapshot() }));
  await session.start();
  await session.result();
  return { session, notifications };
}

/** The most notifications in any one second of clock time (windows starting at each notification). */
function peakPerSecond(times: readonly number[]): number {
  let peak = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    while (i + n < times.length && times[i + n]! < times[i]! + 1000) n++;
    peak = Math.max(peak, n);
  }
  return peak;
}

describe('createScribeSession: store update rate', () => {
  it('a 10 s live session with 50 ms blocks notifies at most 20 times in any second, and the final snapshot is exact', async () => {
    const { session, notifications } = await recordTenSeconds();
    const times = notifications.map((n) => n.at);
    const final = session.getSnapshot();
    expect(final.status).toBe('completed');
    expect(final.activity.audioSeconds).toBeCloseTo(10, 9);
    expect(final.activity.chunksCut).toBeGreaterThanOrEqual(4);
    expect(final.activity.chunksAcknowledged).toBe(final.activity.chunksCut);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(20);
    expect(notifications.length).toBeLessThanOrEqual(140);
    // Status changes are not delayed and come in order; the meter still moves about ten times a second.
    const statuses = notifications.map((n) => n.state.status).filter((status, i, all) => status !== all[i - 1]);
    expect(statuses).toEqual(['creating', 'created', 'recording', 'ending', 'processing', 'completed']);
    const audioUpdates = notifications.filter((n, i) => i > 0 && n.state.activity.audioSeconds !== notifications[i - 1]!.state.activity.audioSeconds);
    expect(audioUpdates.length).toBeGreaterThanOrEqual(95);
  });

  it('measured without coalescing (progressIntervalMs: 0): one notification per 50 ms block and more, over the bound', async () => {
    const { notifications } = await recordTenSeconds({ progressIntervalMs: 0 });
    expect(notifications.length).toBe(234);
    expect(peakPerSecond(notifications.map((n) => n.at))).toBe(30);
  });
});
