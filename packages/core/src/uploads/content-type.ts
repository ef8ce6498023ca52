import type { Dialect } from '../config/scribe-config';
import { InvalidAudioError } from '../errors';
import { fileExtension } from './chunk-file-name';

/** Sent when the extension says nothing about the audio type. */
export const OCTET_STREAM = 'application/octet-stream';

// Contract 5.3, client side. `.mp3` is spelled `audio/mp3` only because the production service expects it.
const BY_EXTENSION: Record<string, string> = {
  wav: 'audio/wav',
  webm: 'audio/webm;codecs=opus',
  ogg: 'audio/ogg;codecs=opus',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  mp3: 'audio/mpeg',
};

// Media types the protocol treats as the same format (contract 5.3, server side), used to find the advertised spelling.
const ALIASES: Record<string, readonly string[]> = {
  'audio/wav': ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  'audio/mpeg': ['audio/mpeg', 'audio/mp3'],
  'audio/mp4': ['audio/mp4', 'audio/m4a', 'audio/x-m4a'],
  'audio/webm': ['audio/webm'],
  'audio/ogg': ['audio/ogg'],
};

/** The `Content-Type` for a chunk file name in `eka` (and the canonical type in `msa`), per contract 5.3. */
export function contentTypeForFileName(fileName: string, dialect: Dialect): string {
  const extension = fileExtension(fileName);
  if (extension === 'mp3' && dialect === 'eka') return 'audio/mp3';
  return BY_EXTENSION[extension] ?? OCTET_STREAM;
}

/**
 * The string to send in `msa`: the first entry of the discovery `audio_formats` naming the file's format, byte for
 * byte (servers may compare exactly). No advertised match → InvalidAudioError before anything is uploaded.
 */
export function advertisedContentType(fileName: string, audioFormats: readonly string[]): string {
  const wanted = contentTypeForFileName(fileName, 'msa');
  const family = ALIASES[baseType(wanted)] ?? [];
  const candidates = audioFormats.filter((format) => family.includes(baseType(format)));
  // Prefer the codec our extension implies (opus for webm/ogg), then a bare type, then any listed variant.
  const chosen =
    candidates.find((format) => normalise(format) === normalise(wanted)) ??
    candidates.find((format) => !format.includes(';')) ??
    candidates[0];
  if (chosen === undefined) {
    throw new InvalidAudioError(
      `The service does not accept ${wanted} audio (${fileName}); its discovery document lists: ${audioFormats.join(', ') || 'nothing'}.`,
      { details: { file_name: fileName, provided_format: wanted, supported_formats: [...audioFormats] } },
    );
  }
  return chosen;
}

function baseType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function normalise(mediaType: string): string {
  const [type, ...params] = mediaType.split(';').map((part) => part.trim().toLowerCase());
  return [type, ...params.filter(Boolean).sort()].join(';');
}
