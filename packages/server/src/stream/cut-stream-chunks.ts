import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { pcmBlocksFromInt16Stream, speechChunks, SPEECH_SAMPLE_RATE, type SpeechChunk, type VoiceActivityDetector } from '@scribe/core/internal';

/**
 * Cuts a stream log (16 kHz mono s16le) into speech chunks with the client's own pipeline, `speechChunks` from
 * @scribe/core: the same segmenter, pauses and limits (at most `maxChunkSeconds`, about 10 s preferred), so a
 * streamed session is stored exactly as the SDK would have uploaded it in chunks. `store` receives each chunk as
 * soon as it is cut, keeping memory at one chunk. Resolves with the number of chunks; a missing log has none.
 */
export async function cutStreamChunks(
  logPath: string,
  vad: VoiceActivityDetector,
  store: (chunk: SpeechChunk) => Promise<void>,
  maxChunkSeconds = 20,
): Promise<number> {
  try {
    await access(logPath);
  } catch {
    return 0;
  }
  const bytes = createReadStream(logPath, { highWaterMark: SPEECH_SAMPLE_RATE * 2 });
  let empty = true;
  const pieces = (async function* () {
    for await (const piece of bytes as AsyncIterable<Buffer>) {
      empty = false;
      yield new Uint8Array(piece.buffer, piece.byteOffset, piece.length);
    }
    // pcmBlocksFromInt16Stream calls an empty source invalid; an empty log simply has no chunks.
    if (empty) yield new Uint8Array(2);
  })();
  let count = 0;
  for await (const chunk of speechChunks(pcmBlocksFromInt16Stream(pieces, SPEECH_SAMPLE_RATE), { vad, maxChunkSeconds })) {
    await store(chunk);
    count += 1;
  }
  return count;
}
