import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A compressed format the server accepts, with ffmpeg encoder settings: smallest for silence, and fit for speech. */
export interface BombFormat {
  /** The `Content-Type` to upload with. */
  type: string;
  extension: string;
  encoder: readonly string[];
  /** Settings for a speech source (the bomb settings would smear it beyond recognition). */
  speechEncoder: readonly string[];
  /** ffmpeg's output format when the extension does not say it. Default: from the extension. */
  muxer?: string;
}

/** Every compressed upload format of contract 5.3, each decoded by the server through ffmpeg. */
export const BOMB_FORMATS: readonly BombFormat[] = [
  { type: 'audio/ogg;codecs=vorbis', extension: 'ogg', encoder: ['-c:a', 'libvorbis', '-q:a', '0'], speechEncoder: ['-c:a', 'libvorbis', '-q:a', '4'] },
  { type: 'audio/ogg;codecs=opus', extension: 'ogg', encoder: ['-c:a', 'libopus', '-b:a', '6k'], speechEncoder: ['-c:a', 'libopus', '-b:a', '32k'] },
  { type: 'audio/webm;codecs=opus', extension: 'webm', encoder: ['-c:a', 'libopus', '-b:a', '6k'], speechEncoder: ['-c:a', 'libopus', '-b:a', '32k'] },
  { type: 'audio/mpeg', extension: 'mp3', encoder: ['-c:a', 'libmp3lame', '-b:a', '8k'], speechEncoder: ['-c:a', 'libmp3lame', '-b:a', '64k'] },
  { type: 'audio/mp4', extension: 'm4a', encoder: ['-c:a', 'aac', '-b:a', '8k'], speechEncoder: ['-c:a', 'aac', '-b:a', '64k'] },
  // FLAC is not an upload type (contract 5.3), but decoding trusts the bytes: FLAC sent as MP3 is decoded as FLAC.
  { type: 'audio/mpeg', extension: 'mp3', encoder: ['-c:a', 'flac'], speechEncoder: ['-c:a', 'flac'], muxer: 'flac' },
];

/**
 * Encodes `seconds` of silence (an audio bomb when long: a small file that decodes to hours) or, with `source`,
 * that audio file (several files: joined), in `format`. Generated per test run so no large fixture is committed.
 */
export async function encodeAudio(format: BombFormat, options: { seconds: number; source?: string | readonly string[]; sampleRate?: number }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'scribe-bomb-'));
  try {
    const out = join(dir, `bomb.${format.extension}`);
    const sources = options.source === undefined ? [] : [options.source].flat();
    const input =
      sources.length === 0
        ? ['-f', 'lavfi', '-i', `anullsrc=r=${options.sampleRate ?? 16000}:cl=mono`]
        : [...sources.flatMap((source) => ['-i', source]), ...(sources.length > 1 ? ['-filter_complex', `concat=n=${sources.length}:v=0:a=1`] : [])];
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...input, '-t', String(options.seconds), '-ac', '1', ...(sources.length === 0 ? format.encoder : format.speechEncoder), ...(format.muxer ? ['-f', format.muxer] : []), '-y', out], {
      maxBuffer: 1024 * 1024,
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
