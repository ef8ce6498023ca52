import { describe, expect, it } from 'vitest';
import { AbortError, ConfigError, InvalidAudioError, ValidationError } from '../errors';
import { createChunkUploader } from '../uploads/chunk-uploader';
import type { ScribeProgressEvent } from './audio-progress-event';
import { createScriptedVoiceActivityDetector, frameRms } from './create-scripted-voice-activity-detector';
import type { SpeechChunk } from './create-speech-chunker';
import { decodeWav } from './decode-wav';
import type { PcmBlock } from './pcm-block';
import { speechChunks } from './speech-chunks';

const RATE = 16000;
const energyVad = () => createScriptedVoiceActivityDetector({ probability: (_i, frame) => (frameRms(frame) > 0.05 ? 0.95 : 0.02) });

/**
 * A synthetic consultation: `pattern(second)` says whether each second is speech (a 220 Hz tone at 0.3) or near
 * silence, generated block by block so the whole never exists in memory.
 */
async function* consultation(totalSeconds: number, sampleRate: number, channels: number, pattern: (second: number) => boolean): AsyncGenerator<PcmBlock> {
  const blockSamples = 4096;
  const total = totalSeconds * sampleRate;
  for (let start = 0; start < total; start += blockSamples) {
    const length = Math.min(blockSamples, total - start);
    const mono = new Float32Array(length);
    for (let i = 0; i < length; i++) {
      const t = (start + i) / sampleRate;
      mono[i] = pattern(Math.floor(t)) ? 0.3 * Math.sin(2 * Math.PI * 220 * t) : 0.001 * Math.sin(2 * Math.PI * 50 * t);
    }
    yield { channels: Array.from({ length: channels }, () => mono), sampleRate };
  }
}

/** Talk for 4 of every 6 seconds, with a 20 s silence every 5 minutes. */
const talkative = (second: number) => second % 300 < 280 && second % 6 < 4;

async function collect(stream: AsyncIterable<SpeechChunk>): Promise<SpeechChunk[]> {
  const chunks: SpeechChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('speechChunks', () => {
  it('streams 30 minutes with bounded memory, uploading while decoding goes on', async () => {
    const vad = energyVad();
    const stream = speechChunks(consultation(1800, RATE, 1, talkative), { vad });
    let decodedAtFirstChunk: number | undefined;
    let count = 0;
    let longest = 0;
    for await (const chunk of stream) {
      decodedAtFirstChunk ??= stream.stats.decodedSeconds;
      count += 1;
      longest = Math.max(longest, chunk.durationSeconds);
    }
    const { stats } = stream;
    expect(stats.decodedSeconds).toBeCloseTo(1800, 6);
    expect(decodedAtFirstChunk).toBeLessThan(30);
    expect(longest).toBeLessThanOrEqual(20);
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(200); // ~1200 s of speech at ~10 s a chunk, not hundreds of tiny ones
    // One maximum chunk (20 s) plus twice (pre-pad + minimum speech + hangover) frames: never the whole input.
    expect(stats.highWaterSamples).toBeLessThanOrEqual(20 * RATE + 2 * (10 + 8 + 24) * 512);
    expect(stats.highWaterSamples).toBeGreaterThan(5 * RATE);
    expect(vad.framesProcessed).toBe(Math.ceil((1800 * RATE) / 512));
  }, 60_000);

  it('mixes down, resamples 48 kHz stereo, and reports chunks on the original timeline', async () => {
    const pattern = (second: number) => second >= 3 && second < 7;
    const chunks = await collect(speechChunks(consultation(12, 48000, 2, pattern), { vad: energyVad() }));
    expect(chunks).toHaveLength(1);
    // Speech 3 s to 7 s; pads of 320 ms each side (give or take a frame of detection).
    expect(chunks[0]!.startSeconds).toBeGreaterThan(3 - 0.32 - 0.07);
    expect(chunks[0]!.startSeconds).toBeLessThan(3 - 0.32 + 0.07);
    expect(chunks[0]!.endSeconds).toBeGreaterThan(7 + 0.32 - 0.07);
    expect(chunks[0]!.endSeconds).toBeLessThan(7 + 0.32 + 0.07);
    const wav = decodeWav(chunks[0]!.bytes);
    expect([wav.sampleRate, wav.channels.length, wav.format.sampleFormat]).toEqual([16000, 1, 'pcm-s16']);
  });

  it('keeps every sample of the speech regions (16 kHz input passes through unchanged)', async () => {
    const value = (s: number) => ((s * 7919) % 20001) - 10000;
    const total = 20 * RATE + 300;
    const source = [{ channels: [Float32Array.from({ length: total }, (_, s) => value(s) / 32768)], sampleRate: RATE }];
    const speaking = (frame: number) => (frame > 40 && frame < 200) || (frame > 260 && frame < 600);
    const vad = createScriptedVoiceActivityDetector({ probability: (frame) => (speaking(frame) ? 0.9 : 0.05) });
    const chunks = await collect(speechChunks(source, { vad, preferredChunkSeconds: 6 }));
    expect(chunks.length).toBeGreaterThan(1);
    let mismatches = 0;
    for (const chunk of chunks) {
      const samples = decodeWav(chunk.bytes).channels[0]!;
      let at = 0;
      for (const span of chunk.spans) for (let s = span.startSample; s < span.endSample; s++) if (Math.round(samples[at++]! * 32768) !== value(s)) mismatches++;
    }
    expect(mismatches).toBe(0);
    const covered = chunks.flatMap((chunk) => chunk.spans);
    expect(covered[0]!.startSample).toBe(31 * 512);
    expect(covered.at(-1)!.endSample).toBe(610 * 512);
  });

  it('clips the last chunk to the input length when speech runs to the end', async () => {
    const total = 3 * RATE + 123;
    const source = [{ channels: [new Float32Array(total).fill(0.5)], sampleRate: RATE }];
    const chunks = await collect(speechChunks(source, { vad: energyVad() }));
    expect(chunks.at(-1)!.endSample).toBe(total);
    expect(chunks.at(-1)!.durationSeconds).toBeCloseTo(total / RATE, 9);
  });

  it('yields nothing for silence or an empty source', async () => {
    expect(await collect(speechChunks(consultation(60, 44100, 1, () => false), { vad: energyVad() }))).toEqual([]);
    expect(await collect(speechChunks([], { vad: energyVad() }))).toEqual([]);
  });

  it('reports progress in one stream with the uploader', async () => {
    const events: ScribeProgressEvent[] = [];
    const onProgress = (event: ScribeProgressEvent) => events.push(event);
    const chunks = speechChunks(consultation(40, RATE, 1, talkative), { vad: energyVad(), onProgress });
    const uploader = createChunkUploader({ send: async () => undefined, onProgress });
    expect(await uploader.run(chunks)).toBeGreaterThan(1);
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual(['audio-decoded', 'chunk-queued', 'chunk-ready', 'chunk-uploaded', 'speech-found', 'speech-started']);
    // Speech transitions only: each segment starts once (inside itself) before it is found, never once per frame.
    const speech = events.filter((event) => event.type === 'speech-started' || event.type === 'speech-found');
    expect(speech.length).toBeGreaterThan(2);
    speech.forEach((event, i) => {
      expect(event.type).toBe(i % 2 === 0 ? 'speech-started' : 'speech-found');
      if (event.type === 'speech-started') {
        const found = speech[i + 1] as Extract<ScribeProgressEvent, { type: 'speech-found' }>;
        expect(event.startSeconds).toBe(found.startSeconds);
        expect(event.seconds).toBeGreaterThan(event.startSeconds);
        expect(event.seconds).toBeLessThanOrEqual(found.endSeconds);
      }
    });
    const decoded = events.flatMap((event) => (event.type === 'audio-decoded' ? [event.seconds] : []));
    expect(decoded.every((seconds, i) => i === 0 || seconds > decoded[i - 1]!)).toBe(true);
    expect(events.findIndex((event) => event.type === 'chunk-ready')).toBeLessThan(events.findIndex((event) => event.type === 'chunk-queued'));
  });

  it('ignores a progress callback that throws', async () => {
    const chunks = await collect(speechChunks(consultation(10, RATE, 1, talkative), { vad: energyVad(), onProgress: () => { throw new Error('boom'); } }));
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('stops with AbortError when aborted mid-stream, and closes the source', async () => {
    const controller = new AbortController();
    let closed = false;
    async function* source() {
      try {
        yield* consultation(600, RATE, 1, talkative);
      } finally {
        closed = true;
      }
    }
    const stream = speechChunks(source(), { vad: energyVad(), signal: controller.signal });
    const seen: SpeechChunk[] = [];
    await expect(async () => {
      for await (const chunk of stream) {
        seen.push(chunk);
        if (seen.length === 2) controller.abort();
      }
    }).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(2);
    expect(stream.stats.decodedSeconds).toBeLessThan(100);
    expect(closed).toBe(true);
  });

  it('aborts promptly while waiting on a source that never yields', async () => {
    const controller = new AbortController();
    const stuck: AsyncIterable<PcmBlock> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) };
    const pending = collect(speechChunks(stuck, { vad: energyVad(), signal: controller.signal }));
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('refuses an already-aborted signal before reading anything', async () => {
    let pulled = false;
    const source = { *[Symbol.iterator]() { pulled = true; yield { channels: [new Float32Array(10)], sampleRate: RATE }; } };
    await expect(collect(speechChunks(source, { vad: energyVad(), signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(AbortError);
    expect(pulled).toBe(false);
  });

  it('follows a change of sample rate mid-stream', async () => {
    async function* source() {
      yield* consultation(5, 48000, 1, (s) => s >= 1 && s < 4);
      yield* consultation(5, 8000, 1, (s) => s >= 1 && s < 4);
    }
    const stream = speechChunks(source(), { vad: energyVad(), maxMergeGapSeconds: 1 });
    const chunks = await collect(stream);
    expect(stream.stats.decodedSeconds).toBeCloseTo(10, 6);
    expect(chunks.map((chunk) => Math.round(chunk.startSeconds))).toEqual([1, 6]);
  });

  it('refuses bad blocks, a detector at the wrong rate, bad options and a second iteration', async () => {
    const vad = energyVad();
    await expect(collect(speechChunks([{ channels: [], sampleRate: RATE }], { vad }))).rejects.toBeInstanceOf(InvalidAudioError);
    await expect(collect(speechChunks([{ channels: [new Float32Array(4)], sampleRate: 12 }], { vad }))).rejects.toThrow(/sample rate 12 Hz/);
    expect(() => speechChunks([], { vad: { ...vad, sampleRate: 8000 } })).toThrow(ConfigError);
    expect(() => speechChunks([], { vad, maxChunkSeconds: 30 })).toThrow(ConfigError);
    const stream = speechChunks([], { vad });
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(ValidationError);
  });
});
