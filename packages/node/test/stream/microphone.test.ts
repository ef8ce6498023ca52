import { describe, expect, it } from 'vitest';
import { concatenateArrays } from '@scribe/core/internal';
import { openMicrophone, type ScribeProgressEvent } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { fileMicrophone, loopedSpeech, speechPcm, storedStream } from './stream-support';

describe('microphone capture (arecord through an ALSA device that reads a file)', () => {
  it('yields 16 kHz mono frames of the configured size, exactly the captured samples', async () => {
    const pcm = await speechPcm();
    const { env, device, seconds } = fileMicrophone(pcm);
    await using mic = openMicrophone({ device, env, maxSeconds: seconds, frameMilliseconds: 32 });
    expect(mic).toMatchObject({ sampleRate: 16000, channels: 1, command: 'arecord' });
    const frames: Uint8Array[] = [];
    for await (const frame of mic) frames.push(frame);
    expect(frames.slice(0, -1).every((frame) => frame.length === 1024)).toBe(true);
    expect(Buffer.compare(Buffer.from(concatenateArrays(Uint8Array, frames)), Buffer.from(pcm))).toBe(0);
  });

  it('an unknown device fails with the capture program’s own message', async () => {
    const { env } = fileMicrophone(new Uint8Array(32));
    await using mic = openMicrophone({ device: 'no_such_device', env });
    await expect(async () => {
      for await (const _frame of mic) void _frame;
    }).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringMatching(/arecord stopped capturing/) });
  });

  it('stop() ends capture; iteration finishes with what was captured', async () => {
    const { env, device } = fileMicrophone(await speechPcm());
    const mic = openMicrophone({ device, env });
    let bytes = 0;
    for await (const frame of mic) {
      bytes += frame.length;
      if (bytes >= 32000) await mic.stop();
    }
    expect(bytes).toBeGreaterThanOrEqual(32000);
  });

  it('streams the microphone live: the server stores exactly the captured audio', async () => {
    const t = await startTestServer({ stream: { maxSpeed: 100 } });
    const pcm = await speechPcm();
    const { env, device, seconds } = fileMicrophone(pcm);
    await using mic = openMicrophone({ device, env, maxSeconds: seconds });
    await using stream = await ekaClient(t).openStream();
    const sent = await stream.sendPcm(mic, { pace: 50 });
    expect(sent.bytes).toBe(pcm.length);
    await stream.stop({ finalize: false });
    expect(Buffer.compare(Buffer.from(await storedStream(t.server, stream.sessionId)), Buffer.from(pcm))).toBe(0);
  });

  it('uploads in chunks with live speech detection: chunks are uploaded while recording goes on', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const pcm = await loopedSpeech(6);
    const { env, device, seconds } = fileMicrophone(pcm);
    const mic = openMicrophone({ device, env, maxSeconds: seconds });
    const timeline: string[] = [];
    const recording = (async function* () {
      for await (const frame of mic) yield frame;
      timeline.push('recording-ended');
    })();
    const session = await client.createSession();
    const { acknowledged: uploaded } = await client.uploadPcm(session.sessionId, recording, {
      sampleRate: 16000,
      onProgress: (event: ScribeProgressEvent) => {
        if (event.type === 'chunk-uploaded') timeline.push('chunk-uploaded');
      },
    });
    expect(uploaded).toBeGreaterThanOrEqual(3);
    expect(timeline.indexOf('chunk-uploaded')).toBeLessThan(timeline.indexOf('recording-ended'));
    const result = await client.waitForResults(session.sessionId, { interval: 0 });
    expect(result.audioFilesReceived).toBe(uploaded);
  });
});
