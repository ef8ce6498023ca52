import { join } from 'node:path';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'samples');

/** The shortest sample consultation (22.7 s, 16 kHz mono WAV) from examples/samples. */
export const CONSULTATION_WAV = join(SAMPLES, 'chest-pain-consultation', 'chest-pain-consultation.wav');
/** The same consultation as MP3. */
export const CONSULTATION_MP3 = join(SAMPLES, 'chest-pain-consultation', 'chest-pain-consultation.mp3');
