import { decodeWavAtRate, looksLikeWav, parseWav, WavFormatError } from '../audio/wav.js';
import type { SessionStore } from '../store/session-store.js';
import { compareFiles, type ProcessingErrorEntry, type SessionRecord } from '../store/session-record.js';
import { ENGINE_SAMPLE_RATE, type EngineAudioChunk } from './engine.js';

/** Chunks ready for the engine plus the files that had to be skipped. */
export interface LoadedChunks {
  chunks: EngineAudioChunk[];
  skipped: ProcessingErrorEntry[];
}

/**
 * Reads the session's files in index order. WAV (recognised by its bytes) is decoded to 16 kHz mono float32;
 * compressed formats are passed through as bytes. Undecodable or over-long WAV chunks are skipped with a
 * `processing_errors` entry rather than failing the session (contract 3.7, 5.4), and so are WAV chunks once the
 * decoded audio reached `maxSessionSeconds` (the session's maximum duration: no more is ever decoded, issue 11 item 9).
 */
export async function loadChunks(store: SessionStore, record: SessionRecord, maxChunkSeconds: number, maxSessionSeconds: number): Promise<LoadedChunks> {
  const chunks: EngineAudioChunk[] = [];
  const skipped: ProcessingErrorEntry[] = [];
  let decodedSeconds = 0;
  for (const file of [...record.files].sort(compareFiles)) {
    let bytes: Buffer;
    try {
      bytes = await store.readAudio(record, file.diskName);
    } catch {
      skipped.push({ type: 'audio_file_skipped', message: `${file.name} could not be read from storage`, file: file.name });
      continue;
    }
    // A view, not a copy: a chunk may be 100 MiB and the file's buffer is ours alone.
    const base = { fileName: file.name, index: file.index, contentType: file.contentType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path: store.audioPath(record, file.diskName) };
    if (!looksLikeWav(bytes)) {
      if (file.contentType === 'audio/wav') {
        skipped.push({ type: 'audio_file_skipped', message: `${file.name} could not be decoded`, file: file.name });
      } else {
        chunks.push(base);
      }
      continue;
    }
    try {
      const info = parseWav(bytes);
      if (info.durationSeconds > maxChunkSeconds + 0.25) {
        skipped.push({ type: 'audio_file_skipped', message: `${file.name} is longer than ${maxChunkSeconds} s`, file: file.name });
        continue;
      }
      if (decodedSeconds + info.durationSeconds > maxSessionSeconds) {
        const message = `${file.name} was not used: the session's audio already reached its maximum of ${maxSessionSeconds} s`;
        skipped.push({ type: 'audio_file_skipped', message, file: file.name });
        continue;
      }
      const pcm = decodeWavAtRate(bytes, info, ENGINE_SAMPLE_RATE);
      decodedSeconds += pcm.length / ENGINE_SAMPLE_RATE;
      chunks.push({ ...base, contentType: 'audio/wav', pcm, durationSeconds: pcm.length / ENGINE_SAMPLE_RATE });
    } catch (error) {
      if (!(error instanceof WavFormatError)) throw error;
      skipped.push({ type: 'audio_file_skipped', message: `${file.name} could not be decoded`, file: file.name });
    }
  }
  return { chunks, skipped };
}
