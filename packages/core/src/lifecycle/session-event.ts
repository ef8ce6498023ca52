import type { CreatedSession } from '../protocol/created-session';
import type { EndSessionResponse } from '../protocol/end-session-response';
import type { SessionResult } from '../protocol/session-result';
import type { ConnectionState } from './session-state';

/** Everything that can happen to a session. Kebab-case nouns, past tense for facts, `-requested` for intents. */
export type SessionEvent =
  | { readonly type: 'create-requested' }
  | { readonly type: 'session-created'; readonly sessionId: string; readonly session?: CreatedSession }
  | { readonly type: 'audio-received'; readonly audioSeconds: number; readonly level: number; readonly elapsedMs: number }
  | { readonly type: 'speech-started' }
  | { readonly type: 'speech-found'; readonly speechSeconds: number }
  | { readonly type: 'source-failed'; readonly error: unknown }
  | { readonly type: 'paused'; readonly elapsedMs: number }
  | { readonly type: 'resumed' }
  | { readonly type: 'chunk-queued'; readonly index?: number }
  | { readonly type: 'chunk-upload-started'; readonly index?: number }
  | { readonly type: 'chunk-uploaded'; readonly index?: number }
  | { readonly type: 'chunk-failed'; readonly index?: number; readonly willRetry?: boolean; readonly error?: unknown }
  | { readonly type: 'end-requested' }
  | { readonly type: 'session-ended'; readonly response?: EndSessionResponse }
  | { readonly type: 'status-polled'; readonly result: SessionResult }
  | { readonly type: 'reprocess-requested' }
  | { readonly type: 'connection-changed'; readonly connection: ConnectionState }
  | { readonly type: 'stream-progressed'; readonly bytesSent: number; readonly bytesAcknowledged: number; readonly reconnects: number }
  | { readonly type: 'queue-changed'; readonly chunksPending: number }
  | { readonly type: 'cancelled' }
  | { readonly type: 'error'; readonly error: unknown }
  | { readonly type: 'reset' };

/** The `type` of every session event. */
export type SessionEventType = SessionEvent['type'];

/** Every event type, for exhaustive tests and devtools. */
export const SESSION_EVENT_TYPES: readonly SessionEventType[] = /* @__PURE__ */ Object.freeze([
  'create-requested',
  'session-created',
  'audio-received',
  'speech-started',
  'speech-found',
  'source-failed',
  'paused',
  'resumed',
  'chunk-queued',
  'chunk-upload-started',
  'chunk-uploaded',
  'chunk-failed',
  'end-requested',
  'session-ended',
  'status-polled',
  'reprocess-requested',
  'connection-changed',
  'stream-progressed',
  'queue-changed',
  'cancelled',
  'error',
  'reset',
]);
