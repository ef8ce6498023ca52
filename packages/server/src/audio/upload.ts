import { rm } from 'node:fs/promises';
import { principalOf, type Handler } from '../http/context.js';
import { HttpError, invalidRequest, json } from '../http/responses.js';
import { changeOpenSession, type SessionDependencies } from '../sessions/session-access.js';
import { diskNameFor } from '../store/file-layout.js';
import type { SessionRecord, StoredAudioFile } from '../store/session-record.js';
import { checkCompressedDuration, checkWav, resolveAudioType } from './audio-checks.js';
import { chunkIndexOf, unsafeFileNameReason } from './file-name.js';
import { isolateUploadFile } from './upload-file.js';
import { readUploadSource, type UploadSource } from './upload-source.js';

/**
 * Audio upload in forms A, B and C (contract 2.10), with the checks in the contract's order. The file name is the
 * chunk's identity: re-uploading a name replaces the file and leaves the count unchanged (5.6).
 */
export function createUploadHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    const { record, stored, index } = await changeOpenSession(deps, principal.businessId, sessionId, async (current) => {
      if (current.uploadType === 'stream') throw invalidRequest('This is a stream session: send its audio over the WebSocket at its upload_url.', { upload_type: 'stream' });
      const source = await readUploadSource(ctx, deps.options.maxFileBytes);
      ctx.noteUpload({ form: source.form, fileName: source.fileName, contentType: source.declaredType, bytes: source.size });
      const fileName = checkName(source, current, ctx.req.headers['x-chunk-index']);
      checkBody(source, deps.options.maxFileBytes);
      const contentType = resolveAudioType(source.declaredType, fileName);
      // The file stays on disk throughout: only its head is read (issue 11 item 10).
      const upload = await isolateUploadFile(source, ctx.rawBody?.kept ?? 0, deps.store.scratchDir);
      try {
        const durationSeconds =
          checkWav(upload.head, contentType, deps.options.maxChunkSeconds, upload.bytes) ??
          (await checkCompressedDuration(deps.options.engine, { path: upload.path }, deps.options.maxChunkSeconds, ctx.signal));
        const file: StoredAudioFile = {
          name: fileName,
          diskName: diskNameFor(fileName),
          index: chunkIndexOf(fileName) ?? null,
          contentType,
          bytes: upload.bytes,
          ...(durationSeconds !== undefined ? { durationSeconds } : {}),
          receivedAt: deps.options.now(),
        };
        await deps.store.moveAudioIn(current, file.diskName, upload.path);
        return await saveUpload(deps, current, file);
      } finally {
        await rm(upload.path, { force: true });
      }
    });
    return json(200, {
      session_id: record.sessionId,
      success: true,
      status: 'received',
      file_name: stored.name,
      original_filename: stored.name,
      ...(index !== null ? { chunk_index: index } : {}),
      audio_files_received: record.files.length,
    });
  };
}

async function saveUpload(deps: SessionDependencies, current: SessionRecord, file: StoredAudioFile): Promise<{ record: SessionRecord; stored: StoredAudioFile; index: number | null }> {
  const next: SessionRecord = {
    ...current,
    status: 'recording',
    files: [...current.files.filter((existing) => existing.name !== file.name), file],
  };
  await deps.store.save(next);
  return { record: next, stored: file, index: file.index };
}

/** Name checks in contract order: given and safe; chunk pattern; `X-Chunk-Index`; one name per `single` session. */
function checkName(source: UploadSource, record: SessionRecord, chunkIndexHeader: string | string[] | undefined): string {
  const name = source.fileName;
  if (name === undefined || name === '') {
    const hint = source.form === 'C' ? 'send Content-Disposition: attachment; filename="chunk_0.wav"' : 'give the file part a filename';
    throw invalidRequest(`A file name is required (${hint}).`, { field: 'file_name' });
  }
  const unsafe = unsafeFileNameReason(name);
  if (unsafe) throw invalidRequest(`Unsafe file name: ${unsafe}.`, { field: 'file_name' });
  const index = chunkIndexOf(name);
  if (record.uploadType === 'chunked' && index === undefined) {
    throw invalidRequest('Chunk names must look like {prefix}_{index}.{ext} with an index that is not zero-padded, e.g. chunk_0.wav.', {
      field: 'file_name',
      file_name: name,
    });
  }
  if (chunkIndexHeader !== undefined) {
    const given = Array.isArray(chunkIndexHeader) ? chunkIndexHeader.join(',') : chunkIndexHeader.trim();
    if (index === undefined || given !== String(index)) {
      throw invalidRequest(`X-Chunk-Index ${given} does not match the file name ${name}.`, { field: 'X-Chunk-Index', file_name: name });
    }
  }
  if (record.uploadType === 'single' && record.files.some((file) => file.name !== name)) {
    throw invalidRequest('A single-upload session takes one file; another name is already stored.', { field: 'file_name', audio_files: record.files.map((f) => f.name) });
  }
  return name;
}

function checkBody(source: UploadSource, maxFileBytes: number): void {
  if (source.size === 0) throw invalidRequest('The audio body is empty.');
  if (source.tooLarge) {
    throw new HttpError(413, 'file_too_large', `Audio files are limited to ${maxFileBytes} bytes.`, { max_bytes: maxFileBytes, size_bytes: source.size });
  }
}
