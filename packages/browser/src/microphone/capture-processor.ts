/** The name the capture processor is registered under in the AudioWorklet scope. */
export const CAPTURE_PROCESSOR_NAME = 'scribe-capture';

/** Options the main thread passes to the processor (`processorOptions`). */
export interface CaptureProcessorOptions {
  /** Sample frames per message: the batch that bounds how often the main thread (and the session store) hears. */
  batchFrames: number;
}

/**
 * Messages from the processor: a batch of mono samples (`frame`: the context frame of its first sample), either full
 * or the answer to a `flush` request.
 */
export interface CaptureMessage {
  type: 'samples' | 'flushed';
  samples: Float32Array;
  frame: number;
}

/** Messages to the processor. */
export type CaptureCommand = { type: 'flush' };

/**
 * Registers the capture AudioWorkletProcessor. It runs inside the AudioWorklet scope, so this function must stay
 * self-contained (no imports, no outer variables): it is both bundled into `capture-worklet.js` and, for CommonJS
 * builds, serialised with `Function.prototype.toString` into a Blob URL. The processor mixes its input to mono and
 * posts it in batches of `batchFrames` (transferred, not copied); a `flush` command posts what is left at once.
 */
export function registerCaptureProcessor(): void {
  type Scope = {
    AudioWorkletProcessor: new () => { readonly port: MessagePort };
    registerProcessor(name: string, processor: unknown): void;
    currentFrame: number;
  };
  const scope = globalThis as unknown as Scope;

  class CaptureProcessor extends scope.AudioWorkletProcessor {
    private batch: Float32Array;
    private filled = 0;
    private firstFrame = 0;

    constructor(options: { processorOptions?: { batchFrames?: number } }) {
      super();
      this.batch = new Float32Array(Math.max(128, Math.floor(options.processorOptions?.batchFrames ?? 2400)));
      this.port.onmessage = (event: MessageEvent<{ type?: string }>) => {
        if (event.data?.type === 'flush') this.post('flushed');
      };
    }

    post(type: 'samples' | 'flushed'): void {
      const samples = this.batch.slice(0, this.filled);
      this.filled = 0;
      this.port.postMessage({ type, samples, frame: this.firstFrame }, [samples.buffer]);
    }

    process(inputs: Float32Array[][]): boolean {
      const channels = inputs[0];
      // No channels: the track is muted or ended; nothing was captured in this quantum.
      if (!channels || channels.length === 0) return true;
      const frames = channels[0]!.length;
      const scale = 1 / channels.length;
      for (let i = 0; i < frames; i++) {
        if (this.filled === 0) this.firstFrame = scope.currentFrame + i;
        let sum = 0;
        for (const channel of channels) sum += channel[i]!;
        this.batch[this.filled++] = sum * scale;
        if (this.filled === this.batch.length) this.post('samples');
      }
      return true;
    }
  }

  scope.registerProcessor('scribe-capture', CaptureProcessor);
}
