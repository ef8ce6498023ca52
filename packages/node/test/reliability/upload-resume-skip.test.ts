import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkUploadError } from '@scribe/node';
import { endRequests, FIXTURES, startUploadHarness, storedChunks, uploadRequests } from '../upload-audio/support/upload-test-helpers';

const SPEECH_WAV = join(FIXTURES, 'speech.wav');
const CHUNKING = { preferredChunkSeconds: 2, maxChunkSeconds: 4 };

describe('[issue 11] resuming an interrupted file upload where it stopped', () => {
  it('the error names startIndex and skipChunks; sending the same file with both (twice, the resume interrupted too) uploads only the missing chunks: each once, in order, the right count', async () => {
    const { t, client, dataDir } = await startUploadHarness();
    const clean = await client.createSession();
    const { acknowledged: expected } = await client.uploadAudioFile(clean.sessionId, SPEECH_WAV, { chunking: CHUNKING });
    expect(expected).toBeGreaterThanOrEqual(3);
    const session = await client.createSession();
    // A 400 is not retried: the upload stops at chunk_1 with chunk_0 held by the service.
    t.server.faults.add({ method: 'POST', path: /\/audio\/chunk_1\.wav$/, kind: 'status', status: 400, times: 1 });

    const error = await client.uploadAudioFile(session.sessionId, SPEECH_WAV, { chunking: CHUNKING }).catch((caught: unknown) => caught);

    expect(ChunkUploadError.is(error)).toBe(true);
    const failure = error as ChunkUploadError;
    expect(failure).toMatchObject({ acknowledged: 1, resumeIndex: 1, skipChunks: 1, details: { resume_index: 1, skip_chunks: 1 } });
    // Resending the file with startIndex alone would store its first chunk twice (as chunk_0 and chunk_1).
    expect(failure.message).toContain('{ startIndex: 1, skipChunks: 1 }');

    // The resume is interrupted too (chunk_2 refused): its error counts from the input's start, not the resume's.
    t.server.faults.add({ method: 'POST', path: /\/audio\/chunk_2\.wav$/, kind: 'status', status: 400, times: 1 });
    const interrupted = await client
      .uploadAudioFile(session.sessionId, SPEECH_WAV, { chunking: CHUNKING, startIndex: failure.resumeIndex, skipChunks: failure.skipChunks })
      .catch((caught: unknown) => caught);
    expect(ChunkUploadError.is(interrupted)).toBe(true);
    const again = interrupted as ChunkUploadError;
    expect(again).toMatchObject({ acknowledged: 1, resumeIndex: 2, skipChunks: 2 });

    const resumed = await client.uploadAudioFile(session.sessionId, SPEECH_WAV, { chunking: CHUNKING, startIndex: again.resumeIndex, skipChunks: again.skipChunks });

    expect(resumed).toEqual({ acknowledged: expected - 2, nextIndex: expected });
    const names = Array.from({ length: expected }, (_, index) => `chunk_${index}.wav`);
    expect(uploadRequests(t, session.sessionId).map((request) => `${request.path.split('/').at(-1)} ${request.status}`)).toEqual([
      'chunk_0.wav 200',
      'chunk_1.wav 400',
      'chunk_1.wav 200',
      'chunk_2.wav 400',
      ...names.slice(2).map((name) => `${name} 200`),
    ]);
    expect(endRequests(t, session.sessionId).map((request) => request.body)).toEqual([{ audio_files_sent: expected }]);
    const stored = storedChunks(dataDir, session.sessionId);
    const reference = storedChunks(dataDir, clean.sessionId);
    expect(stored.map((chunk) => chunk.name)).toEqual(names);
    stored.forEach((chunk, index) => expect(Buffer.compare(chunk.bytes, reference[index]!.bytes), chunk.name).toBe(0));
  });
});
