import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { ConfigError, InvalidAudioError, SPEECH_SAMPLE_RATE, type AudioSource } from '@scribe/core/internal';

/** Capture programs the microphone can use (Debian: `alsa-utils` for arecord, `sox` for sox). */
export type MicrophoneCommand = 'arecord' | 'sox';

/** Options of `openMicrophone`. */
export interface MicrophoneOptions {
  /** ALSA device (arecord `-D`), e.g. `default`, `hw:1,0`, or a device defined in an asoundrc. Default: the system default. */
  device?: string;
  /** Capture program. Default: `arecord` when installed, else `sox`. */
  command?: MicrophoneCommand;
  /** Audio per yielded frame in milliseconds. Default 32 (512 samples: one Silero frame). */
  frameMilliseconds?: number;
  /** Stop by itself after this many seconds of audio. Default: until `stop()`. */
  maxSeconds?: number;
  /** Environment of the capture process (e.g. `ALSA_CONFIG_PATH` for a test device). Default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Stops capture when aborted (iteration then ends normally). */
  signal?: AbortSignal;
}

/** A microphone: 16 kHz mono s16le frames, as an `AudioSource`; also async-disposable. */
export interface Microphone extends AudioSource, AsyncDisposable {
  /** The program capturing. */
  readonly command: MicrophoneCommand;
}

/**
 * Opens the microphone through `arecord` (ALSA) or `sox`, capturing 16 kHz mono 16-bit PCM, and yields fixed-size
 * frames as they arrive. The process starts at once; `stop()` (or disposal, or `signal`) ends it. Iterate once:
 * stream the frames (`stream.sendPcm(mic)`), or upload them in chunks with live speech detection
 * (`client.uploadPcm(sessionId, mic, { sampleRate: 16000 })`: chunks upload while recording goes on).
 */
export function openMicrophone(options: MicrophoneOptions = {}): Microphone {
  const command = options.command ?? (hasProgram('arecord') ? 'arecord' : 'sox');
  const frameBytes = Math.max(2, Math.round(((options.frameMilliseconds ?? 32) / 1000) * SPEECH_SAMPLE_RATE) * 2);
  const child = spawn(command, captureArguments(command, options), { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  // `stop` waits for the process to exit, not for its output to be read: it may be called from inside the loop
  // that reads the frames, which then finishes with what the pipe still holds.
  const ended = new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
  let stopped = false;
  const stop = async () => {
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // A capture program blocked writing to a full pipe (nobody reads while stop is awaited) may not get to its exit:
    // after a grace period it is killed outright; only audio captured after the stop is lost that way.
    const force = setTimeout(() => child.kill('SIGKILL'), 250);
    await ended;
    clearTimeout(force);
  };
  options.signal?.addEventListener('abort', () => void stop(), { once: true });
  let iterated = false;
  return {
    sampleRate: SPEECH_SAMPLE_RATE,
    channels: 1,
    command,
    stop,
    [Symbol.asyncDispose]: stop,
    [Symbol.asyncIterator]() {
      if (iterated) throw new ConfigError('A microphone can be iterated only once.');
      iterated = true;
      return frames(child, frameBytes, exited, () => stopped, () => stderr, command)[Symbol.asyncIterator]();
    },
  };
}

async function* frames(
  child: ChildProcess,
  frameBytes: number,
  exited: Promise<{ code: number | null; error?: Error }>,
  stopped: () => boolean,
  stderr: () => string,
  command: MicrophoneCommand,
): AsyncGenerator<Uint8Array> {
  let carry = Buffer.alloc(0);
  try {
    for await (const piece of child.stdout! as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
      let offset = 0;
      for (; bytes.length - offset >= frameBytes; offset += frameBytes) yield new Uint8Array(bytes.subarray(offset, offset + frameBytes));
      carry = Buffer.from(bytes.subarray(offset));
    }
    const { code, error } = await exited;
    if (error) throw new ConfigError(`Could not start ${command} for microphone capture: ${error.message}. Install it (Debian: apt-get install ${command === 'arecord' ? 'alsa-utils' : 'sox'}).`, { cause: error });
    // A stop ends the process by signal; any other failure to capture is reported with what the program said.
    if (code !== 0 && code !== null && !stopped()) throw new InvalidAudioError(`${command} stopped capturing (exit ${code}): ${stderr().trim() || 'no message'}`);
    const whole = carry.length - (carry.length % 2);
    if (whole > 0) yield new Uint8Array(carry.subarray(0, whole));
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
}

function captureArguments(command: MicrophoneCommand, options: MicrophoneOptions): string[] {
  const rate = String(SPEECH_SAMPLE_RATE);
  if (command === 'arecord') {
    const args = ['-q', '-t', 'raw', '-f', 'S16_LE', '-r', rate, '-c', '1'];
    if (options.device) args.push('-D', options.device);
    if (options.maxSeconds !== undefined) args.push('-s', String(Math.round(options.maxSeconds * SPEECH_SAMPLE_RATE)));
    return [...args, '-'];
  }
  const input = options.device ? ['-t', 'alsa', options.device] : ['-d'];
  const trim = options.maxSeconds !== undefined ? ['trim', '0', String(options.maxSeconds)] : [];
  return ['-q', ...input, '-t', 'raw', '-r', rate, '-e', 'signed-integer', '-b', '16', '-c', '1', '-L', '-', ...trim];
}

function hasProgram(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).error === undefined;
}
