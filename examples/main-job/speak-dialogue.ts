import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concatenateArrays } from '@scribe/core/internal';

const ROOT = join(import.meta.dirname, '..', '..');
const RATE = 16000;
const GAP = new Float32Array(Math.round(0.7 * RATE));

/** The two synthetic voice pairs: flite (rms doctor, slt everyone else) or espeak-ng (en-us doctor, en-gb others). */
export type SpeechVoice = 'flite' | 'espeak';

/** espeak-ng settings, for measuring what the recogniser's errors on espeak-ng speech depend on. */
export interface EspeakSettings {
  /** Voice of the doctor's turns. Default `en-us`. */
  doctorVoice?: string;
  /** Voice of every other turn. Default `en-gb`. */
  otherVoice?: string;
  /** Words per minute (`-s`). Default: espeak-ng's own, 175. */
  rate?: number;
  /** Pitch 0-99 (`-p`). Default: espeak-ng's own, 50. */
  pitch?: number;
  /** Amplitude 0-200 (`-a`). Default: espeak-ng's own, 100. */
  amplitude?: number;
  /** How espeak-ng's 22.05 kHz becomes 16 kHz: ffmpeg's default resampler or its soxr one. Default `ffmpeg`. */
  resampler?: 'ffmpeg' | 'soxr';
}

/** Options of `speakTurn` and `speakDialogue`. */
export interface SpeakOptions {
  /** Where synthesized turns are kept between runs (text-addressed WAVs). Default: `scribe-speech-cache` in the OS temp directory. */
  cacheDir?: string;
  /** espeak-ng settings (ignored for flite). Default: none, espeak-ng's defaults with the voices above. */
  espeak?: EspeakSettings;
}

/** Mono 16-bit PCM of a WAV file as float samples (the rate is not checked: every file here is 16 kHz). */
export function pcmOfWav(buffer: Buffer): Float32Array {
  let offset = 12;
  while (buffer.toString('ascii', offset, offset + 4) !== 'data') offset += 8 + buffer.readUInt32LE(offset + 4);
  const samples = buffer.readUInt32LE(offset + 4) / 2;
  const pcm = new Float32Array(samples);
  for (let index = 0; index < samples; index += 1) pcm[index] = buffer.readInt16LE(offset + 8 + index * 2) / 32768;
  return pcm;
}

/**
 * One turn spoken at 16 kHz by the doctor's or the others' voice. Cached by voice, settings, speaker and text, so
 * repeated benchmark runs synthesize nothing twice (flite here is the WASI build from npm that made the samples).
 */
export function speakTurn(voice: SpeechVoice, speaker: string, text: string, options: SpeakOptions = {}): Float32Array {
  const doctor = speaker.toLowerCase() === 'doctor';
  const settings = voice === 'espeak' ? { doctorVoice: 'en-us', otherVoice: 'en-gb', resampler: 'ffmpeg', ...options.espeak } : {};
  const cacheDir = options.cacheDir ?? join(tmpdir(), 'scribe-speech-cache');
  mkdirSync(cacheDir, { recursive: true });
  const key = createHash('sha256').update(JSON.stringify([voice, settings, doctor, text])).digest('hex').slice(0, 24);
  const cached = join(cacheDir, `${key}.wav`);
  if (!existsSync(cached)) {
    const work = mkdtempSync(join(cacheDir, 'work-'));
    try {
      const out = join(work, 'u.wav');
      if (voice === 'flite') flite(doctor ? 'rms' : 'slt', text, out);
      else espeak(settings as Required<Pick<EspeakSettings, 'doctorVoice' | 'otherVoice' | 'resampler'>> & EspeakSettings, doctor, text, work, out);
      renameSync(out, cached);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return pcmOfWav(readFileSync(cached));
}

/** A dialogue's turns spoken one by one and joined with 0.7 s of silence before, between and after them. */
export function speakDialogue(voice: SpeechVoice, turns: readonly { speaker: string; text: string }[], options: SpeakOptions = {}): Float32Array {
  return concatenateArrays(Float32Array, [GAP, ...turns.flatMap((turn) => [speakTurn(voice, turn.speaker, turn.text, options), GAP])]);
}

function flite(speaker: 'rms' | 'slt', text: string, out: string): void {
  const result = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'scripts', 'generate-samples.mjs'), '--utterance', speaker, text, out]);
  if (result.status !== 0) throw new Error(`flite failed on ${JSON.stringify(text)}`);
}

function espeak(settings: EspeakSettings & { doctorVoice: string; otherVoice: string; resampler: string }, doctor: boolean, text: string, work: string, out: string): void {
  const raw = join(work, 'e.wav');
  const args = ['-v', doctor ? settings.doctorVoice : settings.otherVoice, '-w', raw];
  if (settings.rate !== undefined) args.push('-s', String(settings.rate));
  if (settings.pitch !== undefined) args.push('-p', String(settings.pitch));
  if (settings.amplitude !== undefined) args.push('-a', String(settings.amplitude));
  // "--": a turn that starts with "-" is text, not an option (same audio otherwise).
  if (spawnSync('espeak-ng', [...args, '--', text]).status !== 0) throw new Error('espeak-ng failed (apt-get install espeak-ng)');
  const resample = settings.resampler === 'soxr' ? ['-af', 'aresample=resampler=soxr:precision=28'] : [];
  if (spawnSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', raw, ...resample, '-ar', String(RATE), '-ac', '1', '-c:a', 'pcm_s16le', out]).status !== 0) throw new Error('ffmpeg failed (apt-get install ffmpeg)');
}
