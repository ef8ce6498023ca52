import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { decodeAudio, loadSileroModel } from '../../src/audio';
import { FIXTURES, VAD_FRAME, collectMono } from './support/audio-test-helpers';

// A measurement, not a check: run with SCRIBE_AUDIO_BENCH=1 (and `taskset -c 0` for one core), e.g.
//   SCRIBE_AUDIO_BENCH=1 taskset -c 0 pnpm -F @scribe/node exec vitest run test/audio/decode-throughput
// It loops the speech fixture to about a minute, encodes it with ffmpeg into each format, then times decodeAudio.
const COPIES = Number(process.env.SCRIBE_AUDIO_BENCH_COPIES ?? 8);
const FORMATS: [string, string[]][] = [
  ['wav', ['-c:a', 'pcm_s16le']],
  ['mp3', ['-c:a', 'libmp3lame', '-b:a', '32k']],
  ['ogg', ['-c:a', 'libopus', '-b:a', '24k']],
  ['webm', ['-c:a', 'libopus', '-b:a', '24k']],
  ['mp4', ['-c:a', 'libopus', '-b:a', '24k']],
  ['oga', ['-c:a', 'libvorbis', '-q:a', '0', '-f', 'ogg']],
  ['flac', ['-c:a', 'flac']],
  ['m4a', ['-c:a', 'aac', '-b:a', '32k']],
];

describe.runIf(process.env.SCRIBE_AUDIO_BENCH)('decode and VAD throughput', () => {
  it('prints decode time per format and Silero time per frame', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scribe-audio-bench-'));
    try {
      const inputs = Array(COPIES).fill(['-i', join(FIXTURES, 'speech.wav')]).flat();
      const long = join(dir, 'source.wav');
      execFileSync('ffmpeg', ['-v', 'error', ...inputs, '-filter_complex', `concat=n=${COPIES}:v=0:a=1`, long]);
      const rows: string[] = [];
      for (const [extension, args] of FORMATS) {
        const path = join(dir, `long.${extension}`);
        execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', long, ...args, path]);
        await collectMono(decodeAudio(path)); // warm-up: wasm compile, ffmpeg in the page cache
        const started = performance.now();
        // Counting rather than collecting, so the resident size shows what decoding holds, not the decoded audio.
        let samples = 0;
        let sampleRate = 0;
        let peakRss = 0;
        for await (const block of decodeAudio(path)) {
          samples += block.channels[0]!.length;
          sampleRate = block.sampleRate;
          peakRss = Math.max(peakRss, process.memoryUsage.rss());
        }
        const ms = performance.now() - started;
        const seconds = samples / sampleRate;
        rows.push(`${extension.padEnd(5)} ${seconds.toFixed(1)} s audio in ${ms.toFixed(0).padStart(5)} ms  (${(seconds / (ms / 1000)).toFixed(0)}x real time), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
      }
      const model = await loadSileroModel();
      const detector = model.createDetector();
      const samples = (await collectMono(decodeAudio(long))).samples;
      const frames = Math.floor(samples.length / VAD_FRAME);
      const started = performance.now();
      for (let index = 0; index < frames; index += 1) await detector.process(samples.subarray(index * VAD_FRAME, (index + 1) * VAD_FRAME));
      const perFrame = (performance.now() - started) / frames;
      rows.push(`Silero v5: ${perFrame.toFixed(3)} ms per 32 ms frame over ${frames} frames (real-time factor ${(perFrame / 32).toFixed(4)})`);
      await model.dispose();
      console.info(rows.join('\n'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
