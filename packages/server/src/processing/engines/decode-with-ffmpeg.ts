import { ENGINE_SAMPLE_RATE } from '../engine.js';
import { runProcess } from '../transcribers/run-process.js';

/** Options of `decodeWithFfmpeg`. */
export interface DecodeWithFfmpegOptions {
  /** The ffmpeg binary. */
  command: string;
  /** Kill ffmpeg after this many ms. Default 60000. */
  timeoutMs?: number;
  signal: AbortSignal;
}

/**
 * Decodes a compressed chunk (mp3, ogg, webm, m4a) to mono float32 PCM at 16 kHz with a system ffmpeg, through pipes.
 * Throws an Error whose message is ffmpeg's own reason when the bytes cannot be decoded.
 */
export async function decodeWithFfmpeg(bytes: Uint8Array, options: DecodeWithFfmpegOptions): Promise<Float32Array> {
  const args = ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 'f32le', '-ac', '1', '-ar', String(ENGINE_SAMPLE_RATE), 'pipe:1'];
  const result = await runProcess(options.command, args, { input: bytes, timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal });
  if (result.timedOut) throw new Error('ffmpeg did not finish in time');
  if (result.aborted) throw new Error('decoding was cancelled');
  if (result.code !== 0) throw new Error(result.stderrTail.trim().split('\n').pop() || `ffmpeg exited with code ${result.code}`);
  const samples = new Float32Array(Math.floor(result.stdout.byteLength / 4));
  for (let index = 0; index < samples.length; index += 1) samples[index] = result.stdout.readFloatLE(index * 4);
  if (samples.length === 0) throw new Error('no audio in the file');
  return samples;
}
