import { mixDownInto } from './downmix-to-mono';
import type { PolyphasePlan, ResamplerKernelRunner } from './resampler-kernel-runner';
import { RESAMPLER_WASM_BYTES } from './resampler-wasm-bytes';

/** The exports of resampler-wasm.wat (addresses in bytes). */
interface KernelExports {
  readonly memory: WebAssembly.Memory;
  exact(table: number, taps: number, input: number, phase: number, phases: number, whole: number, fraction: number, output: number, count: number): void;
  interpolated(table: number, taps: number, input: number, phase: number, phases: number, whole: number, fraction: number, output: number, count: number, scale: number): void;
  mixPair(target: number, other: number, count: number): void;
}

const PAGE_BYTES = 65536;

// The compiled module is shared by every resampler: it holds no state (each resampler instantiates it with its own
// memory), and compiling once keeps createResampler cheap. null once compiling failed (no WebAssembly, no SIMD, or a
// Content-Security-Policy without 'wasm-unsafe-eval'), so a refused compile is not retried for every resampler.
let compiled: WebAssembly.Module | null | undefined;

function compiledModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      // Synchronous compiling is allowed on a browser's main thread for a module this small (under 4 KB).
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(RESAMPLER_WASM_BYTES) ? new WebAssembly.Module(RESAMPLER_WASM_BYTES) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * A runner on a fresh instance of the WebAssembly SIMD kernel, with its own memory: the table at address 0, then the
 * input history, then the output area. Undefined where WebAssembly or its SIMD is missing or instantiating throws,
 * so the caller can fall back to JavaScript.
 */
export function createWasmKernelRunner(plan: PolyphasePlan): ResamplerKernelRunner | undefined {
  const module = compiledModule();
  if (!module) return undefined;
  let exports: KernelExports;
  try {
    exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
  } catch {
    return undefined;
  }
  const { kernel, wholeStep, fractionStep, phases, interpolated, tableScale } = plan;
  const { memory } = exports;
  const historyAddress = Math.ceil((kernel.table.length * 4) / 16) * 16;
  let historyCapacity = 4096;
  let outputCapacity = 4096;
  let heap = new Float32Array(0);
  let history = heap;

  // Grows the memory to the capacities (growing keeps its contents) and renews the views a grow detaches.
  function layout(): void {
    const needed = historyAddress + 4 * (historyCapacity + outputCapacity);
    const have = memory.buffer.byteLength;
    if (needed > have) memory.grow(Math.ceil((needed - have) / PAGE_BYTES));
    heap = new Float32Array(memory.buffer);
    history = heap.subarray(historyAddress / 4, historyAddress / 4 + historyCapacity);
  }

  function reserveOutput(samples: number): void {
    if (samples <= outputCapacity) return;
    outputCapacity = Math.max(outputCapacity * 2, samples);
    layout();
  }

  layout();
  heap.set(kernel.table, 0);
  return {
    backend: 'wasm',
    history: () => history,
    reserve(samples) {
      // The history keeps its address, so what it holds stays; the output area after it is scratch.
      if (samples <= historyCapacity) return;
      historyCapacity = Math.max(historyCapacity * 2, samples);
      layout();
    },
    mixInto(channels, at) {
      if (channels.length !== 2) return mixDownInto(channels, history, at);
      // Stereo: copy both channels in (a memcpy each), the second into the output area, and average them with SIMD.
      const frames = channels[0]!.length;
      reserveOutput(frames);
      const other = historyCapacity + historyAddress / 4;
      history.set(channels[0]!, at);
      heap.set(channels[1]!, other);
      exports.mixPair(historyAddress + 4 * at, 4 * other, frames);
    },
    run(base, phase, count) {
      reserveOutput(count);
      const output = historyAddress + 4 * historyCapacity;
      const input = historyAddress + 4 * base;
      if (interpolated) exports.interpolated(0, kernel.taps, input, phase, phases, wholeStep, fractionStep, output, count, tableScale);
      else exports.exact(0, kernel.taps, input, phase, phases, wholeStep, fractionStep, output, count);
      return heap.slice(output / 4, output / 4 + count);
    },
  };
}
