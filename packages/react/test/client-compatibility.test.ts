// @vitest-environment node
import type { ScribeSession, ScribeSessionOptions, SessionAudioSource, SessionResult, WaitForResultsOptions } from '@scribe/core';
import { expect, expectTypeOf, it } from 'vitest';
import type { ScribeReactClient } from '../src';

// The shape @scribe/browser's client is being built with (packages/browser/src/client/browser-client.ts on the
// browser branch), with the microphone and file audio the media helper adds to its union. Checked by the type checker
// (`pnpm typecheck` covers test/): if ScribeReactClient ever stops accepting it, this file stops compiling.
interface MicrophoneOptions {
  echoCancellation?: boolean;
  noiseSuppression?: boolean;
  autoGainControl?: boolean;
  deviceId?: string;
}
type BrowserSessionAudio = { pcm: Float32Array | Int16Array; sampleRate: number } | SessionAudioSource | { microphone: MicrophoneOptions | true } | { file: Blob };
interface BrowserScribeSessionOptions extends Omit<ScribeSessionOptions, 'audio' | 'createDetector'> {
  audio: BrowserSessionAudio;
}
declare class BrowserScribeClient {
  session(options: BrowserScribeSessionOptions): ScribeSession;
  waitForResults(sessionId: string, options?: WaitForResultsOptions): Promise<SessionResult>;
  endSession(sessionId: string): Promise<unknown>;
  close(): void;
  // The durable queue, shaped like @scribe/node's client.pendingSessions / resumePending over core's queue API.
  pendingSessions(options?: { scope?: string }): Promise<QueuedSession[]>;
  resumePending(options?: { scope?: string; concurrency?: number; signal?: AbortSignal; onProgress?: (event: { sessionId: string }) => void }): Promise<ResumedSession[]>;
}
// Core's records (notes/browser-design.md, "Queue API as built").
interface QueuedSession { readonly sessionId: string; readonly scope: string; readonly startIndex: number; readonly nextIndex: number; readonly acknowledged: number; readonly endRequested: boolean; readonly uploadUrl: string | undefined; readonly label: string | undefined; readonly createdAt: number; readonly updatedAt: number }
interface ResumedSession { sessionId: string; outcome: 'ended' | 'empty' | 'failed' | 'busy'; chunksUploaded: number; audioFilesSent: number | undefined; error: unknown }

it("@scribe/browser's client shape satisfies ScribeReactClient as it is, with no adapter", () => {
  expectTypeOf<BrowserScribeClient>().toExtend<ScribeReactClient>();
  // An object without the optional queue methods is a client too.
  expectTypeOf<{ session: ScribeReactClient['session']; waitForResults: ScribeReactClient['waitForResults'] }>().toExtend<ScribeReactClient>();
  // The check has teeth: a client that cannot take microphone or file audio (today's browser union) does not fit.
  expectTypeOf<{ session(options: { audio: { pcm: Float32Array; sampleRate: number } | SessionAudioSource }): ScribeSession; waitForResults: ScribeReactClient['waitForResults'] }>().not.toExtend<ScribeReactClient>();
  expect(true).toBe(true);
});
