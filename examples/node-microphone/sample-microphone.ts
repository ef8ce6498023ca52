import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav, floatToInt16 } from '@scribe/core/internal';
import type { DictationInput } from './index';

/** The bundled sample consultation (16 kHz mono WAV). */
export const SAMPLE_WAV = join(import.meta.dirname, '..', 'samples', 'chest-pain-consultation', 'chest-pain-consultation.wav');

/** A "microphone" that plays a recording, and how to remove it. */
export interface SampleMicrophone extends AsyncDisposable {
  /** Capture options for `dictate`: the ALSA device, its configuration, and the recording's length. */
  input: DictationInput;
}

/**
 * An ALSA device `samplemic` that captures the samples of a 16 kHz mono WAV: ALSA's `file` plugin reads them from a
 * raw PCM file over a `null` slave. Only the capture process sees it (ALSA_CONFIG_PATH in its environment).
 */
export async function sampleMicrophone(wavPath = SAMPLE_WAV): Promise<SampleMicrophone> {
  const wav = decodeWav(await readFile(wavPath));
  if (wav.sampleRate !== 16000 || wav.channels.length !== 1) throw new Error(`${wavPath} must be 16 kHz mono`);
  const samples = floatToInt16(wav.channels[0]!);
  const directory = await mkdtemp(join(tmpdir(), 'scribe-sample-mic-'));
  const raw = join(directory, 'sample.raw');
  await writeFile(raw, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  const config = join(directory, 'asound.conf');
  await writeFile(config, `pcm.samplemic {\n  type file\n  slave.pcm { type null }\n  file "/dev/null"\n  infile "${raw}"\n  format "raw"\n}\n`);
  return {
    input: { device: 'samplemic', env: { ...process.env, ALSA_CONFIG_PATH: config }, maxSeconds: samples.length / 16000 },
    [Symbol.asyncDispose]: () => rm(directory, { recursive: true, force: true }),
  };
}
