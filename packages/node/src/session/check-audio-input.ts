import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvalidAudioError } from '@scribe/core';
import { detectAudioFormat } from '../audio/detect-audio-format';
import { openAudioInput, type AudioInput } from '../audio/open-audio-input';

/** Bytes read from the start of a file to tell its format. */
const HEAD_BYTES = 64 * 1024;

/**
 * Checks, before any session exists, that a file or byte input can be read and is in a supported format (a missing,
 * empty, unreadable or non-audio file fails here with an InvalidAudioError that names it). Streams pass unread: they
 * can be read only once.
 */
export async function checkAudioInput(input: AudioInput, formatHint?: string): Promise<void> {
  if (!(input instanceof Uint8Array) && typeof input !== 'string' && !(input instanceof URL)) return;
  // A pipe or device is read once, by the decoder; only regular files and bytes are looked at here.
  if (!(input instanceof Uint8Array) && (await isSpecialFile(input))) return;
  const opened = await openAudioInput(input, HEAD_BYTES);
  try {
    if (opened.path !== undefined || opened.bytes !== undefined) {
      detectAudioFormat(opened.head, { extension: opened.extension || formatHint, label: opened.label });
    }
  } finally {
    await opened.close();
  }
}

/** Checks a PCM input's sample rate before any session exists. */
export function checkPcmSampleRate(sampleRate: unknown): void {
  if (!(typeof sampleRate === 'number' && Number.isFinite(sampleRate) && sampleRate >= 4000 && sampleRate <= 768_000)) {
    throw new InvalidAudioError(`Raw PCM needs its sampleRate: a number of Hz from 4000 to 768000, got ${String(sampleRate)}.`);
  }
}

async function isSpecialFile(input: string | URL): Promise<boolean> {
  try {
    const path = input instanceof URL ? (input.protocol === 'file:' ? fileURLToPath(input) : undefined) : /^file:\/\//i.test(input) ? fileURLToPath(input) : input;
    if (path === undefined) return false;
    const stats = await stat(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false; // missing or unreadable: openAudioInput says so in its own words
  }
}
