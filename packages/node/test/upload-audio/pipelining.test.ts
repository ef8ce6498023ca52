import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirectory } from '../support/temp-directory';
import { CONSULTATION_WAV, endRequests, ffmpeg, progressLog, startUploadHarness, uploadRequests } from './support/upload-test-helpers';

// Each chunk upload is held DELAY_MS by the server, so uploads take real time; the file is long enough (about 3 min,
// 15+ chunks) that decoding it takes a while too. Overlap means chunks go up while the decoder is still reading.
const DELAY_MS = 200;

function longFile(extension: 'wav' | 'mp3' | 'ogg'): string {
  const path = join(createTempDirectory(), `consultation-x8.${extension}`);
  const codec = extension === 'ogg' ? ['-c:a', 'libopus', '-b:a', '24k'] : extension === 'mp3' ? ['-b:a', '32k'] : [];
  ffmpeg('-stream_loop', '7', '-i', CONSULTATION_WAV, ...codec, path);
  return path;
}

describe('uploads overlap decoding', () => {
  it.each(['wav', 'mp3', 'ogg'] as const)('%s: the first chunk is uploaded while the decoder is still reading, and end follows the input closely', { timeout: 30_000 }, async (extension) => {
    const path = longFile(extension);
    const { t, client } = await startUploadHarness();
    const session = await client.createSession();
    t.server.faults.add({ method: 'POST', path: '/audio/', kind: 'delay', ms: DELAY_MS, times: 1000 });
    const log = progressLog();

    const { acknowledged: uploaded } = await client.uploadAudioFile(session.sessionId, path, { onProgress: log.onProgress });

    expect(uploaded).toBeGreaterThanOrEqual(15);
    const uploads = uploadRequests(t, session.sessionId);
    expect(uploads).toHaveLength(uploaded);
    expect(uploads.every((request) => request.fault === 'delay')).toBe(true);
    const decoded = log.events.filter((entry) => entry.event.type === 'audio-decoded');
    const lastDecoded = decoded.at(-1)!;
    expect(lastDecoded.event).toMatchObject({ seconds: expect.closeTo(8 * 22.66, 0) });
    const firstUploadStart = Date.parse(uploads[0]!.timestamp);
    const firstUploadEnd = firstUploadStart + uploads[0]!.durationMs;
    // The first upload request reached the server before the decoder had read the end of the file...
    expect(firstUploadStart).toBeLessThan(lastDecoded.at);
    // ...and the decoder kept reading while that upload was held.
    const decodedDuringFirstUpload = decoded.filter((entry) => entry.at > firstUploadStart && entry.at < firstUploadEnd);
    expect(decodedDuringFirstUpload.length).toBeGreaterThan(0);
    // Uploads are sequential, so together they take at least uploaded × DELAY_MS; only the last few are left when the
    // input ends (the chunks read ahead, the one in flight), so end comes well before a whole file's worth of uploads.
    const [end] = endRequests(t, session.sessionId);
    const inputToEnd = Date.parse(end!.timestamp) - lastDecoded.at;
    expect(inputToEnd).toBeGreaterThan(0);
    expect(inputToEnd).toBeLessThan((uploaded * DELAY_MS) / 2);
  });
});
