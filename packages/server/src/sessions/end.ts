import { principalOf, type Handler } from '../http/context.js';
import { isJsonObject } from '../http/request-body.js';
import { invalidRequest, json } from '../http/responses.js';
import type { SessionRecord, StoredAudioFile } from '../store/session-record.js';
import { changeOpenSession, type SessionDependencies } from './session-access.js';
import { audioFileNames } from './session-body.js';

/** Message of the end response. */
export const END_MESSAGE = 'Session ended; processing started.';

/** What ending a stream stored: its speech chunks, and how many PCM bytes its log held. */
export interface FinishedStream {
  /** The speech chunks cut from the stream log. */
  files: StoredAudioFile[];
  /** PCM bytes the stream log held when the stream was ended. */
  bytesStored: number;
}

/** Ends a stream session's stream: closes its socket and stores its speech chunks (the stream hub). */
export interface StreamFinisher {
  finish(record: SessionRecord): Promise<FinishedStream>;
}

/**
 * `POST {P}/sessions/{id}/end` (contract 2.6, 3.6): the only commit. Moves `created`/`recording` to `processing`,
 * sends `session.ended`, answers 202 and then processes in the background. A stream session's open socket is
 * flushed and closed 1000 first, and its stream is stored as speech chunks; its `audio_files_sent` is ignored. With the
 * resume extension (6.6) a stream client may send `stream_bytes_sent`, the PCM bytes it streamed: more than the log
 * holds makes the outcome `partial` with a `stream_incomplete` processing error, the stream's `audio_files_mismatch`.
 */
export function createEndSessionHandler(deps: SessionDependencies, streams?: StreamFinisher): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    const ended = await changeOpenSession(deps, principal.businessId, sessionId, async (current) => {
      const audioFilesSent = readCount(ctx.body, 'audio_files_sent');
      const streamBytesSent = readCount(ctx.body, 'stream_bytes_sent');
      const isStream = current.uploadType === 'stream';
      const finished = isStream && streams ? await streams.finish(current) : undefined;
      const next: SessionRecord = {
        ...current,
        files: finished ? finished.files : current.files,
        status: 'processing',
        endedAt: deps.options.now(),
        ...(audioFilesSent !== undefined && !isStream ? { audioFilesSent } : {}),
        ...(finished && streamBytesSent !== undefined ? { streamBytesSent, streamBytesStored: finished.bytesStored } : {}),
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

/** A count from an optional body (`audio_files_sent`, `stream_bytes_sent`): absent means no check; negative or fractional is 400. */
function readCount(body: unknown, field: 'audio_files_sent' | 'stream_bytes_sent'): number | undefined {
  if (body === undefined) return undefined;
  if (!isJsonObject(body)) throw invalidRequest('Request body must be a JSON object.');
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidRequest(`${field} must be an integer ≥ 0.`, { field });
  }
  return value;
}
