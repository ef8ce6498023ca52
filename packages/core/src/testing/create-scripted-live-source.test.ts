import { describe, expect, it } from 'vitest';
import type { PcmBlock } from '../audio/pcm-block';
import { createScriptedLiveSource } from './create-scripted-live-source';

const pcm = Float32Array.from({ length: 1000 }, (_, i) => i);

async function take(blocks: AsyncIterator<PcmBlock>, count: number): Promise<number[]> {
  const firsts: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = await blocks.next();
    if (next.done) break;
    firsts.push(next.value.channels[0]![0]!);
  }
  return firsts;
}

describe('createScriptedLiveSource', () => {
  it('cuts the recording into 100 ms blocks and yields only the ones the test released', async () => {
    const mic = createScriptedLiveSource({ pcm, sampleRate: 1000 });
    expect(mic.total).toBe(10);
    expect(mic.source.live).toBe(true);
    expect(mic.source.description).toBe('the scripted microphone');
    const blocks = (mic.source.open(new AbortController().signal) as AsyncIterable<PcmBlock>)[Symbol.asyncIterator]();
    let pending = false;
    const waiting = blocks.next().then((next) => ((pending = true), next));
    await Promise.resolve();
    expect(pending).toBe(false);
    mic.captureUpTo(0.3);
    expect((await waiting).value!.channels[0]).toEqual(pcm.subarray(0, 100));
    expect(await take(blocks, 2)).toEqual([100, 200]);
    mic.capture(2);
    expect(await take(blocks, 2)).toEqual([300, 400]);
    mic.captureUpTo(0.1); // never takes back what was released
    mic.capture(100); // at most to the end
    expect(await take(blocks, 5)).toEqual([500, 600, 700, 800, 900]);
    const after = blocks.next(); // the whole recording is out, but a live source ends only when closed
    await mic.source.close?.();
    expect((await after).done).toBe(true);
  });

  it('ends at close, without the blocks not yet released', async () => {
    const mic = createScriptedLiveSource({ pcm, sampleRate: 1000, description: 'the test microphone' });
    expect(mic.source.description).toBe('the test microphone');
    const blocks = (mic.source.open(new AbortController().signal) as AsyncIterable<PcmBlock>)[Symbol.asyncIterator]();
    mic.capture(1);
    expect(await take(blocks, 1)).toEqual([0]);
    const waiting = blocks.next();
    expect(mic.isClosed()).toBe(false);
    await mic.source.close?.();
    expect(mic.isClosed()).toBe(true);
    expect((await waiting).done).toBe(true);
  });
});
