import { describe, expect, it } from 'vitest';
import type { OnnxRun, OnnxRunner, OnnxTensor } from './onnx-runner';
import { createSileroDetector, SILERO_FRAME_SAMPLES } from './silero-detector';

interface FakeRunner extends OnnxRunner {
  /** Copies of the `input` window of every run, in order. */
  readonly windows: Float32Array[];
  readonly bindings: number;
  runs: number;
}

/**
 * A stand-in for the Silero model with the same names and shapes: `output` is the first state value before the run
 * plus 100 times the new frame's first sample, and `stateN` is `state + 1` everywhere, so the outputs show which
 * state each frame read and which frame it saw.
 */
function fakeRunner(sync: boolean): FakeRunner {
  const fake = {
    windows: [] as Float32Array[],
    bindings: 0,
    runs: 0,
    disposed: false,
    bind(inputs: Readonly<Record<string, OnnxTensor>>, outputs: Readonly<Record<string, OnnxTensor>>): OnnxRun {
      fake.bindings += 1;
      const [input, state, sr, output, stateN] = [inputs.input!, inputs.state!, inputs.sr!, outputs.output!, outputs.stateN!];
      expect([input.dims, state.dims, sr.dims, output.dims, stateN.dims]).toEqual([[1, 576], [2, 1, 128], [], [1, 1], [2, 1, 128]]);
      expect(sr).toMatchObject({ type: 'int64', data: BigInt64Array.of(16000n) });
      const compute = () => {
        if (fake.disposed) throw new Error('runner disposed');
        fake.runs += 1;
        const window = input.data as Float32Array;
        fake.windows.push(window.slice());
        (output.data as Float32Array)[0] = (state.data as Float32Array)[0]! + 100 * window[64]!;
        (stateN.data as Float32Array).forEach((_, index, next) => (next[index] = (state.data as Float32Array)[index]! + 1));
      };
      return sync ? { sync: true, run: compute } : { sync: false, run: async () => compute() };
    },
    async dispose() {
      fake.disposed = true;
    },
  };
  return fake;
}

const frameOf = (value: number) => new Float32Array(SILERO_FRAME_SAMPLES).fill(value);

describe.each([true, false])('createSileroDetector (synchronous runner: %s)', (sync) => {
  it('puts the last 64 samples of the previous frame before each new frame', async () => {
    const runner = fakeRunner(sync);
    const detector = createSileroDetector({ runner });
    await detector.process(frameOf(1));
    await detector.process(frameOf(2));
    const [first, second] = runner.windows;
    expect([first!.length, first!.slice(0, 64).every((v) => v === 0), first!.slice(64).every((v) => v === 1)]).toEqual([576, true, true]);
    expect([second!.slice(0, 64).every((v) => v === 1), second!.slice(64).every((v) => v === 2)]).toEqual([true, true]);
  });

  it('feeds each frame the state the previous one wrote, alternating two buffers bound once; reset starts over', async () => {
    const runner = fakeRunner(sync);
    const detector = createSileroDetector({ runner });
    expect(runner.bindings).toBe(2);
    const silence = frameOf(0);
    const outputs = [];
    for (let index = 0; index < 4; index += 1) outputs.push(await detector.process(silence));
    detector.reset();
    outputs.push(await detector.process(silence));
    expect(outputs).toEqual([0, 1, 2, 3, 0]);
    expect(runner.windows[4]!.every((v) => v === 0)).toBe(true);
    expect(runner.bindings).toBe(2);
  });

  it('runs overlapping calls in order, even when the caller reuses its frame buffer, and queues a reset behind them', async () => {
    const runner = fakeRunner(sync);
    const detector = createSileroDetector({ runner });
    const frame = new Float32Array(SILERO_FRAME_SAMPLES);
    const pending: Promise<number>[] = [];
    for (let index = 0; index < 5; index += 1) {
      frame.fill(index + 1);
      pending.push(detector.process(frame));
      if (index === 2) detector.reset();
    }
    // Frames 1-3 run on one stream; the reset then zeroes context and state for frames 4 and 5.
    expect(await Promise.all(pending)).toEqual([100, 201, 302, 400, 501]);
    expect(runner.windows.map((window) => [window[0], window[64]])).toEqual([[0, 1], [1, 2], [2, 3], [0, 4], [4, 5]]);
  });

  it('keeps separate state per detector on one shared runner', async () => {
    const runner = fakeRunner(sync);
    const [a, b] = [createSileroDetector({ runner }), createSileroDetector({ runner })];
    const results = await Promise.all([a.process(frameOf(0)), b.process(frameOf(0)), a.process(frameOf(0)), a.process(frameOf(0)), b.process(frameOf(0))]);
    expect(results).toEqual([0, 0, 1, 2, 1]);
  });

  it('rejects frames of the wrong length, use after dispose, and frames queued when the runner goes away', async () => {
    const runner = fakeRunner(sync);
    // A yield before every frame keeps a synchronous runner's frames queued too.
    const detector = createSileroDetector({ runner, framesPerYield: 1, yieldToHost: async () => undefined });
    await expect(detector.process(new Float32Array(480))).rejects.toMatchObject({ code: 'invalid_audio', message: expect.stringContaining('512') });
    const queued = [detector.process(frameOf(0)), detector.process(frameOf(0))];
    void runner.dispose();
    const settled = await Promise.allSettled(queued);
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { code: 'config_error' } });
    await detector.dispose();
    await expect(detector.process(frameOf(0))).rejects.toMatchObject({ code: 'config_error' });
  });
});

describe('createSileroDetector and the host event loop', () => {
  it('answers at once on an idle synchronous runner, and yields to the host once every framesPerYield frames', async () => {
    const runner = fakeRunner(true);
    let yields = 0;
    const detector = createSileroDetector({ runner, framesPerYield: 4, yieldToHost: async () => void (yields += 1) });
    const answered: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const result = detector.process(frameOf(0));
      answered.push(runner.runs);
      await result;
    }
    expect(yields).toBe(2);
    // Frames 4 and 8 wait for the yield; the others ran before process() returned.
    expect(answered).toEqual([1, 2, 3, 3, 5, 6, 7, 7, 9, 10]);
  });

  it('never calls yieldToHost on an asynchronous runner', async () => {
    let yields = 0;
    const detector = createSileroDetector({ runner: fakeRunner(false), framesPerYield: 1, yieldToHost: async () => void (yields += 1) });
    for (let index = 0; index < 5; index += 1) await detector.process(frameOf(0));
    expect(yields).toBe(0);
  });

  it('refuses a framesPerYield that is not a whole number of frames', () => {
    expect(() => createSileroDetector({ runner: fakeRunner(true), framesPerYield: 0 })).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});
