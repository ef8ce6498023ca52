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
  // Two collections: backing stores found dead by the first are released by a background sweeper that the second
  // waits for.
  gc();
  gc();
  return process.memoryUsage().arrayBuffers / 2 ** 20;
}

/** The lowest reading among those taken while `acknowledged` was in [from, to]: transient buffers only ever add. */
function floorMb(samples: { chunk: number; mb: number }[], from: number, to: number): number {
  return Math.min(...samples.filter((s) => s.chunk >= from && s.chunk <= to).map((s) => s.mb));
}

describe('memory stays bounded while a long file uploads', () => {
  it('live ArrayBuffers do not grow with the chunks uploaded (10 minutes, about 45 chunks of 0.3 MB)', { timeout: 60_000 }, async () => {
    const path = join(createTempDirectory(), 'speech-10-min.wav');
    ffmpeg('-stream_loop', '-1', '-i', join(FIXTURES, 'speech.wav'), '-t', '600', path);
    const { client } = await startUploadHarness();
    const session = await client.createSession();
    const samples: { chunk: number; mb: number }[] = [];

    const { acknowledged: uploaded } = await client.uploadAudioFile(session.sessionId, path, {
      onProgress: (event) => {
        if (event.type === 'chunk-uploaded') samples.push({ chunk: event.acknowledged, mb: liveArrayBufferMb() });
      },
    });

    expect(uploaded).toBeGreaterThan(40);
    // Held at any time: a few decoded blocks, the chunk in flight and two read ahead (about 1 MB in all), plus
    // whatever sockets and streams hold for a moment, which is why each window's lowest reading is compared. Keeping
    // the bytes of every uploaded chunk would raise that floor by 30 × 0.33 MB ≈ 10 MB between the two windows.
    const early = floorMb(samples, 6, 14);
    const late = floorMb(samples, 36, 44);
    const readings = JSON.stringify(samples.map((s) => [s.chunk, Number(s.mb.toFixed(1))]));
    expect(late - early, readings).toBeLessThan(3);
    expect(late, readings).toBeLessThan(8);
  });
});
