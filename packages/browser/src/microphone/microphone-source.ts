import { AbortError, ConfigError, type PcmBlockSource, type SessionAudioSource } from '@scribe/core';
import { createBlockQueue } from './block-queue';
import { CAPTURE_PROCESSOR_NAME, type CaptureMessage } from './capture-processor';
import { captureWorkletModule } from './capture-worklet-url';
import { MicrophoneEndedError, MicrophoneNotFoundError, microphoneOpenError } from './microphone-errors';
import { createPauseGaps } from './pause-gaps';

/** Options of `createMicrophoneSource`. Every default suits speech detection and transcription of a consultation. */
export interface MicrophoneSourceOptions {
  /** The input device (`MediaDeviceInfo.deviceId` from `enumerateDevices`). Default: the browser's default microphone. */
  deviceId?: string;
  /**
   * The browser's echo canceller. Default `false`: it is tuned for calls and can gate quiet speech; turn it on when
   * the same tab plays the other party of a call through the speakers.
   */
  echoCancellation?: boolean;
  /** The browser's noise suppression. Default `false`: it smears speech onsets that Silero and the service's recogniser read better untouched. */
  noiseSuppression?: boolean;
  /** The browser's automatic gain control. Default `false`: level changes in pauses turn background noise into speech-like bursts. */
  autoGainControl?: boolean;
  /**
   * The most audio blocks handed over per second; each block is one update of the session's input level and elapsed
   * time. Default 16 (blocks of 62.5 ms, two Silero frames): with the few updates each chunk adds, the session store
   * stays within about 20 updates a second.
   */
  blocksPerSecond?: number;
  /** The AudioContext's sample rate. Default: the device's own (core resamples to 16 kHz; Firefox refuses a mismatch). */
  sampleRate?: number;
  /** The capture worklet module's URL. Default: `capture-worklet.js` beside the package (ESM) or a Blob URL (CommonJS). */
  workletUrl?: string | URL;
  /** How long `close()` waits for the worklet's last samples, in milliseconds. Default 500. */
  flushTimeoutMs?: number;
}

/** The microphone as a session audio source (`live: true`), plus what a meter or a test wants to see of it. */
export interface MicrophoneSource extends SessionAudioSource {
  readonly live: true;
  /** The captured track once open; `readyState` is `'ended'` after `close()`. */
  readonly track: MediaStreamTrack | undefined;
  /** The capture rate in Hz once open (the AudioContext's). */
  readonly sampleRate: number | undefined;
}

/**
 * Creates the microphone source of a browser session: `getUserMedia` (mono; echo cancellation, noise suppression and
 * gain control off unless asked for), an AudioWorklet that hands Float32 blocks to core as they arrive (at most
 * `blocksPerSecond` a second), `pause()`/`resume()` that drop what is captured in between, and `close()` that hands
 * over the last samples and releases the track and the AudioContext. Opening fails with a typed error
 * (`MicrophonePermissionError`, `MicrophoneNotFoundError`, `MicrophoneInUseError`); a device lost mid-recording ends
 * the blocks with `MicrophoneEndedError` after every block captured before. Opens once.
 */
export function createMicrophoneSource(options: MicrophoneSourceOptions = {}): MicrophoneSource {
  let capture: Capture | undefined;
  let opening = false;
  return {
    live: true,
    description: 'the microphone',
    get track() {
      return capture?.track;
    },
    get sampleRate() {
      return capture?.context.sampleRate;
    },
    async open(signal) {
      if (opening) throw new ConfigError('A microphone source opens once; create another one for another session.');
      opening = true;
      capture = await openCapture(options, signal);
      return capture.blocks;
    },
    pause: () => capture?.pause(),
    resume: () => capture?.resume(),
    close: () => capture?.close(),
  };
}

interface Capture {
  readonly track: MediaStreamTrack;
  readonly context: AudioContext;
  readonly blocks: PcmBlockSource;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

// How often a track stopped by page code (which fires no `ended` event) is noticed.
const TRACK_CHECK_MS = 250;

async function openCapture(options: MicrophoneSourceOptions, signal: AbortSignal): Promise<Capture> {
  if (signal.aborted) throw new AbortError('The microphone was not opened: the session was cancelled.');
  const devices = (globalThis as { navigator?: Navigator }).navigator?.mediaDevices;
  if (!devices?.getUserMedia) {
    throw new ConfigError('This page cannot use the microphone: navigator.mediaDevices is missing. Serve the page over HTTPS (or from localhost).');
  }
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({ audio: constraints(options) });
  } catch (error) {
    throw microphoneOpenError(error);
  }
  const stopTracks = () => stream.getTracks().forEach((track) => track.stop());
  const track = stream.getAudioTracks()[0];
  if (!track) {
    stopTracks();
    throw new MicrophoneNotFoundError('The browser granted access but returned no audio track. Connect a microphone and try again.');
  }
  const context = new AudioContext(options.sampleRate ? { sampleRate: options.sampleRate } : undefined);
  const release = () => {
    stopTracks();
    void context.close().catch(() => undefined);
  };
  let node: AudioWorkletNode;
  try {
    node = await startWorklet(context, stream, options);
    if (signal.aborted) throw new AbortError('The microphone was released: the session was cancelled.');
  } catch (error) {
    release();
    throw error;
  }
  return runCapture({ track, context, node, release, signal, flushTimeoutMs: options.flushTimeoutMs ?? 500 });
}

function constraints(options: MicrophoneSourceOptions): MediaTrackConstraints {
  return {
    channelCount: 1,
    echoCancellation: options.echoCancellation ?? false,
    noiseSuppression: options.noiseSuppression ?? false,
    autoGainControl: options.autoGainControl ?? false,
    ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
  };
}

async function startWorklet(context: AudioContext, stream: MediaStream, options: MicrophoneSourceOptions): Promise<AudioWorkletNode> {
  const module = options.workletUrl ? { url: options.workletUrl, release: () => undefined } : captureWorkletModule();
  try {
    await context.audioWorklet.addModule(module.url);
  } catch (error) {
    throw new ConfigError(
      `The microphone's capture worklet could not be loaded from ${String(module.url).slice(0, 80)}: ${error instanceof Error ? error.message : String(error)}. Check that the bundler emitted capture-worklet.js beside the SDK (or pass workletUrl), and that a Content-Security-Policy allows it.`,
      { cause: error },
    );
  } finally {
    module.release();
  }
  const blocksPerSecond = options.blocksPerSecond ?? 16;
  if (!(blocksPerSecond > 0)) throw new ConfigError(`blocksPerSecond must be positive, got ${blocksPerSecond}.`);
  const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    processorOptions: { batchFrames: Math.ceil(context.sampleRate / blocksPerSecond) },
  });
  context.createMediaStreamSource(stream).connect(node);
  // Connected to the destination so the graph pulls it; the processor writes nothing, so nothing is heard.
  node.connect(context.destination);
  // A context created outside a user gesture may start suspended; capture needs it running.
  await context.resume();
  return node;
}

interface CaptureParts {
  track: MediaStreamTrack;
  context: AudioContext;
  node: AudioWorkletNode;
  release: () => void;
  signal: AbortSignal;
  flushTimeoutMs: number;
}

function runCapture({ track, context, node, release, signal, flushTimeoutMs }: CaptureParts): Capture {
  const queue = createBlockQueue();
  const gaps = createPauseGaps();
  const sampleRate = context.sampleRate;
  let capturedFrames = 0;
  let finished = false;
  let flushWaiter: (() => void) | undefined;

  node.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
    const { type, samples, frame } = event.data;
    const kept = gaps.keep(samples, frame);
    if (kept.length > 0 && !finished) {
      capturedFrames += kept.length;
      queue.push({ channels: [kept], sampleRate });
    }
    if (type === 'flushed') flushWaiter?.();
  };

  // The worklet's partial batch, so that nothing captured before the end is left behind.
  const flush = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, flushTimeoutMs);
      function done() {
        clearTimeout(timer);
        flushWaiter = undefined;
        resolve();
      }
      flushWaiter = done;
      node.port.postMessage({ type: 'flush' });
    });

  let finishing: Promise<void> | undefined;
  // `failure` is built after the drain, so that it can say how much audio was kept.
  const finish = (failure?: () => unknown, drain = true) =>
    (finishing ??= (async () => {
      if (drain && context.state === 'running') await flush();
      finished = true;
      clearInterval(checkTimer);
      track.removeEventListener('ended', onEnded);
      signal.removeEventListener('abort', onAbort);
      node.port.onmessage = null;
      node.disconnect();
      release();
      queue.end(failure?.());
    })());

  const onEnded = () =>
    void finish(() => {
      const seconds = capturedFrames / sampleRate;
      return new MicrophoneEndedError(
        `The microphone stopped delivering audio after ${seconds.toFixed(1)} s (it was unplugged, disabled or taken by the system). The audio captured until then was kept; reconnect the microphone and record again to add more.`,
        { capturedSeconds: seconds },
      );
    });
  // A track stopped by page code fires no `ended` event: noticed by polling its state.
  const checkTimer = setInterval(() => {
    if (track.readyState === 'ended') onEnded();
  }, TRACK_CHECK_MS);
  // A cancelled session wants the device released at once, not its last samples.
  const onAbort = () => void finish(undefined, false);
  track.addEventListener('ended', onEnded);
  signal.addEventListener('abort', onAbort, { once: true });

  return {
    track,
    context,
    blocks: queue.blocks,
    pause: () => gaps.pause(currentFrame(context)),
    resume: () => gaps.resume(currentFrame(context)),
    close: () => finish(),
  };
}

function currentFrame(context: AudioContext): number {
  return Math.round(context.currentTime * context.sampleRate);
}
