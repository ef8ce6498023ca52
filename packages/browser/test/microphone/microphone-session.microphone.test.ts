import { createScribeCore, createScribeSession, type ScribeSession, type SessionState } from '@scribe/core';
import { createScriptedVoiceActivityDetector } from '@scribe/core/internal';
import { createTestConfig } from '@scribe/core/testing';
import { expect, inject, it } from 'vitest';
import { createMicrophoneSource, type MicrophoneSource } from '../../src/index';

// core's session controller on the fake microphone against the real @scribe/server (global setup). Speech is told
// by energy here: Silero in the browser is tested with the VAD; this is about the microphone's side of the session.
const CHUNKING = { preferredChunkSeconds: 1, maxChunkSeconds: 2, cutWindowSeconds: 0.5, maxMergeGapSeconds: 0.5 };

function recordingSession(microphone: MicrophoneSource): { session: ScribeSession; updates: { at: number; state: SessionState }[] } {
  const serverUrl = inject('serverUrl');
  const core = createScribeCore({ config: createTestConfig({ baseUrl: serverUrl, authBaseUrl: serverUrl, pollInterval: 0.2 }) });
  const session = createScribeSession(core, {
    audio: microphone,
    createDetector: async () =>
      createScriptedVoiceActivityDetector({ probability: (_, frame) => (Math.sqrt(frame.reduce((sum, sample) => sum + sample * sample, 0) / frame.length) > 0.02 ? 0.9 : 0.05) }),
    speech: { chunking: CHUNKING },
    results: false,
  });
  const updates: { at: number; state: SessionState }[] = [];
  session.subscribe(() => updates.push({ at: performance.now(), state: session.getSnapshot() }));
  return { session, updates };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('records through the controller: level in the snapshot, at most 16 audio updates a second, chunks uploaded, session ended', async () => {
  const microphone = createMicrophoneSource();
  const { session, updates } = recordingSession(microphone);
  await session.start();
  const started = performance.now();
  await sleep(4500);
  await session.stop();
  const seconds = (performance.now() - started) / 1000;
  const state = session.getSnapshot();
  console.info(`${updates.length} store updates in ${seconds.toFixed(2)} s; status ${state.status}; ${state.activity.chunksAcknowledged} chunks`);
  expect(state.status).toBe('processing');
  expect(state.activity.chunksAcknowledged).toBeGreaterThanOrEqual(1);
  expect(Math.max(...updates.map((update) => update.state.activity.level))).toBeGreaterThan(0.02);
  // The microphone's share: 16 audio updates a second at most. Lifecycle and chunk events come on top (these test
  // chunks are 1 to 2 s, far shorter than real ones); coalescing those is the controller's business.
  const busiest = (times: number[]) => Math.max(...times.map((time) => times.filter((other) => other >= time && other < time + 1000).length));
  const audioTimes = updates.filter((update, i) => i > 0 && update.state.activity.audioSeconds !== updates[i - 1]!.state.activity.audioSeconds).map((update) => update.at);
  const [audio, all] = [busiest(audioTimes), busiest(updates.map((update) => update.at))];
  console.info(`busiest second: ${audio} audio updates, ${all} store updates in all`);
  // 16 a second on average (blocks that wait for a busy pipeline are handed over merged); a late worklet message
  // arriving with the next one can put 17 into some one-second window.
  expect(audio).toBeLessThanOrEqual(17);
  expect(all).toBeLessThanOrEqual(30);
  expect(microphone.track!.readyState).toBe('ended');
});

it('the microphone goes away mid-recording: the session shows microphone_ended, chunks cut before it were uploaded', async () => {
  const microphone = createMicrophoneSource();
  const { session } = recordingSession(microphone);
  await session.start();
  // After the first sentence (0.5 to about 2.3 s of the file) and into the second.
  await sleep(3600);
  microphone.track!.stop();
  microphone.track!.dispatchEvent(new Event('ended'));
  const error = await session.result().catch((caught: unknown) => caught);
  const state = session.getSnapshot();
  console.info(`after the device ended: status ${state.status}, ${state.activity.chunksAcknowledged} chunks acknowledged, ${state.activity.audioSeconds.toFixed(2)} s taken in; ${(error as Error).name}: ${(error as Error).message}`);
  expect(state.status).toBe('error');
  expect((error as { code?: string }).code).toBe('microphone_ended');
  expect(state.activity.chunksAcknowledged).toBeGreaterThanOrEqual(1);
  expect(state.activity.audioSeconds).toBeGreaterThan(3);
});
