import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { AbortError, ConfigError, InvalidAudioError, type PcmBlock } from '@scribe/core';
import { concatenateArrays } from '@scribe/core/internal';

/** Options for decoding through a system `ffmpeg` process. */
export interface FfmpegDecodeOptions {
  /** The ffmpeg executable. Default: `ffmpeg`, looked up on PATH. */
  ffmpegPath?: string;
  /** Output rate in Hz; ffmpeg resamples (and downmixes to mono) on the way out. Default 16000. */
  sampleRate?: number;
  /** What is being decoded, for the message when ffmpeg is missing (for example "AAC audio (.m4a)"). */
  formatName?: string;
  /** How error messages name the input. Default: `audio`. */
  label?: string;
  /** Stops decoding and kills the process. */
  signal?: AbortSignal;
}

/** Where ffmpeg reads from: a file it can seek in, or bytes we pipe to its stdin. */
export type FfmpegInput = { path: string } | { chunks: AsyncIterable<Uint8Array> };

const STDERR_LIMIT = 4096;
// Samples per yielded block at most; ffmpeg's pipe hands out 64 KiB (16384 float samples) at a time anyway.
const BYTES_PER_SAMPLE = 4;

/**
 * Decodes anything ffmpeg reads into mono float blocks by running `ffmpeg ... -f f32le -ac 1 -ar RATE pipe:1` and
 * reading its stdout. The process is killed on completion, error, abort or an abandoned iteration; a missing
 * executable is a `ConfigError` that says how to install it.
 */
export async function* decodeWithFfmpeg(input: FfmpegInput, options: FfmpegDecodeOptions = {}): AsyncGenerator<PcmBlock> {
  const executable = options.ffmpegPath ?? 'ffmpeg';
  const sampleRate = options.sampleRate ?? 16000;
  const label = options.label ?? 'audio';
  const source = 'path' in input ? input.path : 'pipe:0';
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', source, '-vn', '-f', 'f32le', '-acodec', 'pcm_f32le', '-ac', '1', '-ar', String(sampleRate), 'pipe:1'];
  // From a pipe: stdin carries the audio, so no -nostdin; and ffmpeg would read 5 MB (minutes of compressed audio)
  // to probe the stream before decoding anything, where 32 kB is enough for one audio stream.
  if ('chunks' in input) args.splice(args.indexOf('-nostdin'), 1, '-probesize', '32768');
  const child = spawn(executable, args, { stdio: ['chunks' in input ? 'pipe' : 'ignore', 'pipe', 'pipe'], windowsHide: true });
  // A spawn failure or a late kill failure arrives as 'error'; without a listener it would crash the process.
  child.on('error', () => undefined);
  const closed = once(child, 'close').catch(() => undefined);
  const stderr = collectStderr(child);
  const kill = () => killProcess(child);
  options.signal?.addEventListener('abort', kill, { once: true });
  try {
    await waitForSpawn(child, executable, options.formatName ?? 'this audio format');
    if ('chunks' in input) void pumpStdin(child, input.chunks);
    let carry = new Uint8Array(0);
    for await (const piece of child.stdout! as AsyncIterable<Uint8Array>) {
      if (options.signal?.aborted) throw new AbortError();
      const bytes = carry.length > 0 ? concatenateArrays(Uint8Array, [carry, piece]) : piece;
      const whole = bytes.length - (bytes.length % BYTES_PER_SAMPLE);
      carry = bytes.slice(whole);
      if (whole > 0) yield { channels: [floatsOf(bytes, whole)], sampleRate };
    }
    if (options.signal?.aborted) throw new AbortError();
    await closed;
    if (child.exitCode !== 0) {
      const detail = stderr().trim() || `exit code ${child.exitCode ?? child.signalCode}`;
      throw new InvalidAudioError(`ffmpeg could not decode ${label}: ${detail}`);
    }
  } finally {
    options.signal?.removeEventListener('abort', kill);
    kill();
    await closed;
  }
}

async function waitForSpawn(child: ChildProcess, executable: string, formatName: string): Promise<void> {
  try {
    await once(child, 'spawn');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'was not found' : `could not be started (${code ?? String(error)})`;
    throw new ConfigError(
      `Decoding ${formatName} needs the ffmpeg program, which ${problem} (tried "${executable}"). Install ffmpeg ` +
        '(Debian/Ubuntu: apt-get install -y ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg) and make ' +
        'sure it is on PATH, or pass `ffmpegPath` with its location.',
      { cause: error },
    );
  }
}

async function pumpStdin(child: ChildProcess, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const stdin = child.stdin!;
  // ffmpeg may stop reading early (a bad file, or we killed it): the resulting EPIPE is expected, not a failure.
  stdin.on('error', () => undefined);
  try {
    for await (const chunk of chunks) {
      if (stdin.destroyed || child.exitCode !== null) return;
      if (!stdin.write(chunk)) await Promise.race([once(stdin, 'drain'), once(stdin, 'close')]);
    }
  } catch {
    // A failing input stream ends ffmpeg's input early; ffmpeg then reports the truncated data itself.
  } finally {
    stdin.end();
  }
}

function collectStderr(child: ChildProcess): () => string {
  let text = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (piece: string) => {
    text = (text + piece).slice(-STDERR_LIMIT);
  });
  return () => text;
}

function killProcess(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child.stdin?.destroy();
  child.stdout?.destroy();
}

function floatsOf(bytes: Uint8Array, length: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  const samples = new Float32Array(length / BYTES_PER_SAMPLE);
  for (let index = 0; index < samples.length; index += 1) samples[index] = view.getFloat32(index * BYTES_PER_SAMPLE, true);
  return samples;
}
