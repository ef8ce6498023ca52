import { expect } from 'vitest';
import { createGate, createTestEngine, type RecordingEngine } from './engines.js';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk, type TestServer } from './harness.js';
import type { ServerOptions } from '../../src/index.js';
import { makeWav } from './wav.js';

/** Session states a test can ask for. */
export type PreparedState = 'created' | 'recording' | 'processing' | 'completed' | 'partial' | 'failed' | 'expired' | 'unknown';

/** A server whose engine holds transcription until `release()`, so sessions can sit in `processing`. */
export interface GatedServer extends TestServer {
  engine: RecordingEngine;
  release(): void;
}

/** Starts a server with a gated test engine (released automatically when the test ends via close). */
export async function startGatedServer(options: ServerOptions = {}): Promise<GatedServer> {
  const gate = createGate();
  const engine = createTestEngine({ gate: gate.wait, failTemplates: ['fails_always'] });
  const t = await startTestServer({ engine, ...options });
  return { ...t, engine, release: gate.open };
}

/** Puts a new session into `state` and returns its id (for `unknown`, an id that does not exist). */
export async function prepareSession(t: GatedServer, state: PreparedState): Promise<string> {
  if (state === 'unknown') return 'ses_doesNotExist000000000000';
  const templates = state === 'partial' ? ['soap', 'fails_always'] : ['soap'];
  const id = await createSession(t, { templates });
  if (state === 'created') return id;
  if (state === 'expired') {
    expect(await t.server.expireSession(id)).toBe(1);
    return id;
  }
  if (state !== 'failed') await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.2 }));
  if (state === 'recording') return id;
  expect((await endSession(t, id, state === 'failed' ? 0 : 1)).status).toBe(202);
  if (state === 'processing') return id;
  t.release();
  const settled = await settledSession(t, id);
  expect(settled.body.status).toBe(state);
  return id;
}

/** GETs a session's status string with the dev key. */
export async function statusOf(t: TestServer, id: string): Promise<string> {
  return (await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.status;
}
