import { stat } from 'node:fs/promises';
import { detectAudioFormat } from '../audio/detect-audio-format';
import { openAudioInput, toPath, type AudioInput } from '../audio/open-audio-input';

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
    detectAudioFormat(opened.head, { extension: opened.extension || formatHint, label: opened.label });
  } finally {
    await opened.close();
  }
}

async function isSpecialFile(input: string | URL): Promise<boolean> {
  try {
    const stats = await stat(toPath(input));
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false; // missing, unreadable or not a file: URL: openAudioInput says so in its own words
  }
}
