import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InvalidAudioError, streamPcm } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { storedStream, tonePcm } from './stream-support';

function pcmFile(pcm: Uint8Array): string {
  const directory = mkdtempSync(join(tmpdir(), 'scribe-pcm-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  const path = join(directory, 'audio.pcm');
  writeFileSync(path, pcm);
  return path;
}

describe('streamPcm: a file or a Readable of PCM', () => {
  it('at real-time pace, 1.5 s of audio from a file takes about 1.5 s, in frames of 100 ms', async () => {
    const t = await startTestServer();
    const pcm = tonePcm(1.5);
    await using stream = await ekaClient(t).openStream();
    const started = performance.now();
    const sent = await stream.sendPcm(pcmFile(pcm));
    const elapsed = performance.now() - started;
    expect(sent).toEqual({ bytes: pcm.length, seconds: 1.5 });
    // The last frame is due at 1.4 s; it is sent then, not before.
    expect(elapsed).toBeGreaterThanOrEqual(1390);
    expect(elapsed).toBeLessThan(2500);
    await stream.stop({ finalize: false });
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('as fast as allowed, from a Readable: under the service limit (90 % of max_speed), uneven pieces reframed', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 20 } });
    const pcm = tonePcm(6);
    await using stream = await ekaClient(t).openStream();
    expect(stream.maxSpeed).toBe(20);
    const pieces = Array.from({ length: Math.ceil(pcm.length / 7777) }, (_, i) => pcm.subarray(i * 7777, (i + 1) * 7777));
    const started = performance.now();
    await streamPcm(stream, Readable.from(pieces), { pace: 'fast', frameMilliseconds: 40 }, stream.maxSpeed);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual((6000 - 40) / 18 - 10);
    expect(elapsed).toBeLessThan(3000);
    await stream.stop({ finalize: false });
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('an odd total length is refused (InvalidAudioError) after the whole samples were sent', async () => {
    const t = await startTestServer();
    await using stream = await ekaClient(t).openStream();
    await expect(stream.sendPcm(new Uint8Array(3201), { pace: 'fast' })).rejects.toBeInstanceOf(InvalidAudioError);
    await stream.stop({ finalize: false });
  });

  it('an abort stops sending with AbortError; the stream stays usable', async () => {
    const t = await startTestServer();
    await using stream = await ekaClient(t).openStream();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await expect(stream.sendPcm(tonePcm(3), { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    await stream.sendAudio(tonePcm(0.1));
    const result = await stream.stop({ finalize: false });
    expect(result.bytesSent).toBeGreaterThan(3200);
  });
});
