import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { invalidRequest, json } from '../http/responses.js';
import type { SessionRecord, StoredAudioFile } from '../store/session-record.js';
import { changeOpenSession, type SessionDependencies } from './session-access.js';
import { audioFileNames } from './session-body.js';

/** Message of the end response. */
export const END_MESSAGE = 'Session ended; processing started.';

/** Ends a stream session's stream: closes its socket and stores its speech chunks (the stream hub). */
export interface StreamFinisher {
  finish(record: SessionRecord): Promise<StoredAudioFile[]>;
}

/**
 * `POST {P}/sessions/{id}/end` (contract 2.6, 3.6): the only commit. Moves `created`/`recording` to `processing`,
 * sends `session.ended`, answers 202 and then processes in the background. A stream session's open socket is
 * flushed and closed 1000 first, and its stream is stored as speech chunks; its `audio_files_sent` is ignored.
 */
export function createEndSessionHandler(deps: SessionDependencies, streams?: StreamFinisher): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    const ended = await changeOpenSession(deps, principal.businessId, sessionId, async (current) => {
      const audioFilesSent = readAudioFilesSent(ctx.body);
      const isStream = current.uploadType === 'stream';
      const files = isStream && streams ? await streams.finish(current) : current.files;
      const next: SessionRecord = {
        ...current,
        files,
        status: 'processing',
        endedAt: deps.options.now(),
        ...(audioFilesSent !== undefined && !isStream ? { audioFilesSent } : {}),
        results: current.templates.map((templateId) => ({ templateId, result: { status: 'processing' } })),
        pendingRun: { kind: 'full' },
      };
      await deps.store.save(next);
      return next;
    });
    deps.emit(ended, 'session.ended');
    deps.startProcessing(ended);
    return json(202, {
      session_id: ended.sessionId,
      status: 'processing',
      message: END_MESSAGE,
      audio_files_received: ended.files.length,
      audio_files: audioFileNames(ended),
    });
  };
}

/** `audio_files_sent` from an optional body: absent means no mismatch check; negative or fractional is 400. */
function readAudioFilesSent(body: unknown): number | undefined {
  if (body === undefined) return undefined;
  if (!isJsonObject(body)) throw invalidRequest('Request body must be a JSON object.');
  const value = body.audio_files_sent;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidRequest('audio_files_sent must be an integer ≥ 0.', { field: 'audio_files_sent' });
  }
  return value;
}
