import { decodeWav } from '@scribe/core/internal';
import { fetchRepositoryFile } from './test-assets';

/** The templates every test session requests (two production templates the local server knows). */
export const TEST_TEMPLATES = ['clinical_notes_template', 'eka_emr_template'];

/** A committed recording decoded by core into mono floats, as an app would hold PCM it captured or decoded itself. */
export async function speechPcm(path: string): Promise<{ pcm: Float32Array; sampleRate: number }> {
  const { channels, sampleRate } = decodeWav(await fetchRepositoryFile(path));
  return { pcm: channels[0]!, sampleRate };
}

/** The same recording as 16-bit integers (the WAV's own samples). */
export async function speechInt16(path: string): Promise<{ pcm: Int16Array; sampleRate: number }> {
  const { pcm, sampleRate } = await speechPcm(path);
  return { pcm: Int16Array.from(pcm, (sample) => Math.round(sample * 32768)), sampleRate };
}

/** Three flite sentences, 16 kHz mono, 8.2 s: one speech chunk. */
export const SPEECH_WAV = 'packages/node/test/fixtures/audio/speech.wav';
/** A flite consultation, 22.7 s: two speech chunks. */
export const CONSULTATION_WAV = 'examples/samples/chest-pain-consultation/chest-pain-consultation.wav';
