import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createTempDirectory } from '../support/temp-directory';
import { FIXTURES, ffmpeg, startUploadHarness } from './support/upload-test-helpers';

// A full garbage collection on demand (what --expose-gc gives), so live ArrayBuffers can be counted exactly.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function liveArrayBufferMb(): number {
  gc();
  return process.memoryUsage().arrayBuffers / 2 ** 20;
}

describe('memory stays bounded while a long file uploads', () => {
  it('live ArrayBuffers do not grow with the chunks uploaded (10 minutes, about 45 chunks of 0.3 MB)', { timeout: 60_000 }, async () => {
    const path = join(createTempDirectory(), 'speech-10-min.wav');
    ffmpeg('-stream_loop', '-1', '-i', join(FIXTURES, 'speech.wav'), '-t', '600', path);
    const { client } = await startUploadHarness();
    const session = await client.createSession();
    const samples: { chunk: number; mb: number }[] = [];

    const uploaded = await client.uploadAudioFile(session.sessionId, path, {
      onProgress: (event) => {
        if (event.type === 'chunk-uploaded' && (event.acknowledged === 10 || event.acknowledged === 40)) samples.push({ chunk: event.acknowledged, mb: liveArrayBufferMb() });
      },
    });

    expect(uploaded).toBeGreaterThan(40);
    const [early, late] = samples;
    // Held at any time: a few decoded blocks, the chunk in flight and two read ahead (about 1 MB in all). Keeping the
    // bytes of every uploaded chunk would add 30 × 0.33 MB ≈ 10 MB between the two samples.
    expect(late!.mb - early!.mb, JSON.stringify(samples)).toBeLessThan(3);
    expect(late!.mb, JSON.stringify(samples)).toBeLessThan(8);
  });
});
