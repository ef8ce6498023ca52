import { ENGINE_SAMPLE_RATE } from '../engine.js';
import { runProcess } from '../transcribers/run-process.js';

/** Where the compressed audio is: a file (stored chunk, spooled upload) or bytes piped to ffmpeg. */
export type FfmpegInput = { path: string } | { bytes: Uint8Array };

/** Options of `decodeWithFfmpeg`. */
export interface DecodeWithFfmpegOptions {
  /** The ffmpeg binary. */
  command: string;
  /**
   * Most seconds of audio to decode. Once more comes out, ffmpeg is killed and {@link DecodedTooLongError} thrown, so a
   * small file that decodes to hours (an audio bomb) costs at most this much memory and time. Required: no default.
   */
  maxSeconds: number;
  /** Keep the samples (true) or only count them (false, an upload's duration check). Default true. */
  keepSamples?: boolean;
  /** Kill ffmpeg after this many ms. Default 60000. */
  timeoutMs?: number;
  signal: AbortSignal;
}

/** What came out of ffmpeg. */
export interface DecodedAudio {
  /** Mono float32 at 16 kHz; empty when `keepSamples` was false. */
  samples: Float32Array;
  durationSeconds: number;
}

/** The audio lasts longer than the decoder was allowed to go; `decodedSeconds` is where it stopped (a lower bound). */
export class DecodedTooLongError extends Error {
  constructor(
    readonly decodedSeconds: number,
    readonly maxSeconds: number,
  ) {
    super(`the audio lasts more than ${maxSeconds} s`);
    this.name = 'DecodedTooLongError';
  }
}

const BYTES_PER_SAMPLE = 4;

/**
 * Decodes compressed audio (mp3, ogg, webm, m4a) to mono float32 PCM at 16 kHz with a system ffmpeg, streaming its
 * output into a buffer sized for `maxSeconds` (issue 11 item 9): nothing beyond the cap is ever held. ffmpeg is also
 * told to stop a little past the cap (`-t`), so it does not outrun the kill. Throws {@link DecodedTooLongError} past
 * the cap, else an Error whose message is ffmpeg's own reason when the bytes cannot be decoded.
 */
export async function decodeWithFfmpeg(input: FfmpegInput, options: DecodeWithFfmpegOptions): Promise<DecodedAudio> {
  const maxSamples = Math.max(0, Math.floor(options.maxSeconds * ENGINE_SAMPLE_RATE));
  const keep = options.keepSamples !== false;
  const samples = new Float32Array(keep ? maxSamples : 0);
  let count = 0;
  let carry = Buffer.alloc(0);
  const overCap = new AbortController();
  const take = (data: Buffer) => {
    if (overCap.signal.aborted) return;
    const bytes = carry.length > 0 ? Buffer.concat([carry, data]) : data;
    const whole = Math.floor(bytes.length / BYTES_PER_SAMPLE);
    carry = Buffer.from(bytes.subarray(whole * BYTES_PER_SAMPLE));
    const room = Math.min(whole, maxSamples - count);
    if (keep) for (let index = 0; index < room; index += 1) samples[count + index] = bytes.readFloatLE(index * BYTES_PER_SAMPLE);
    count += whole;
    if (count > maxSamples) overCap.abort();
  };
  const source = 'path' in input ? input.path : 'pipe:0';
  // -t a tenth of a second past the cap: ffmpeg stops by itself even before the kill lands, and still says "longer".
  const limit = (maxSamples + 1600) / ENGINE_SAMPLE_RATE;
  const args = ['-hide_banner', ...('path' in input ? ['-nostdin'] : []), '-loglevel', 'error', '-i', source, '-t', limit.toFixed(4), '-f', 'f32le', '-ac', '1', '-ar', String(ENGINE_SAMPLE_RATE), 'pipe:1'];
  const result = await runProcess(options.command, args, {
    ...('bytes' in input ? { input: input.bytes } : {}),
    timeoutMs: options.timeoutMs ?? 60_000,
    signal: AbortSignal.any([options.signal, overCap.signal]),
    onStdout: take,
  });
  if (count > maxSamples) throw new DecodedTooLongError(count / ENGINE_SAMPLE_RATE, options.maxSeconds);
  if (result.timedOut) throw new Error('ffmpeg did not finish in time');
  if (result.aborted) throw new Error('decoding was cancelled');
  if (result.code !== 0) throw new Error(result.stderrTail.trim().split('\n').pop() || `ffmpeg exited with code ${result.code}`);
  if (count === 0) throw new Error('no audio in the file');
  return { samples: samples.subarray(0, keep ? count : 0), durationSeconds: count / ENGINE_SAMPLE_RATE };
}
