/** Formats the upload check accepts, in canonical spelling (listed in `invalid_audio_format` details). */
export const ACCEPTED_AUDIO_FORMATS: readonly string[] = [
  'audio/wav',
  'audio/webm;codecs=opus',
  'audio/ogg;codecs=opus',
  'audio/ogg;codecs=vorbis',
  'audio/mpeg',
  'audio/mp4',
];

const ESSENCE_ALIASES: Record<string, string> = {
  'audio/wav': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/webm': 'audio/webm',
  'audio/ogg': 'audio/ogg',
};

const EXTENSION_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  webm: 'audio/webm;codecs=opus',
  ogg: 'audio/ogg;codecs=opus',
  opus: 'audio/ogg;codecs=opus',
};

/**
 * Canonical form of an audio MIME type per contract 5.3, or `undefined` when not accepted. Case, spaces around `;`
 * and parameter order do not matter; aliases fold together; `webm` takes Opus only, `ogg` Opus or Vorbis.
 */
export function normaliseAudioType(value: string): string | undefined {
  const [essenceRaw = '', ...paramParts] = value.split(';');
  const essence = ESSENCE_ALIASES[essenceRaw.trim().toLowerCase()];
  if (!essence) return undefined;
  const params = parseParameters(paramParts);
  const codecs = params.get('codecs');
  if (essence === 'audio/webm') {
    if (codecs === undefined) return 'audio/webm';
    return codecs === 'opus' ? 'audio/webm;codecs=opus' : undefined;
  }
  if (essence === 'audio/ogg') {
    if (codecs === undefined) return 'audio/ogg';
    return codecs === 'opus' || codecs === 'vorbis' ? `audio/ogg;codecs=${codecs}` : undefined;
  }
  return essence;
}

/** The type implied by a file name's extension, used when no useful `Content-Type` was sent. */
export function typeFromExtension(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSION_TYPES[fileName.slice(dot + 1).toLowerCase()];
}

/** True when a declared type says nothing about the audio (missing or `application/octet-stream`). */
export function isUninformativeType(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return true;
  return value.split(';')[0]?.trim().toLowerCase() === 'application/octet-stream';
}

function parseParameters(parts: string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const key = part.slice(0, equals).trim().toLowerCase();
    const raw = part.slice(equals + 1).trim();
    const unquoted = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
    params.set(key, unquoted.trim().toLowerCase());
  }
  return params;
}
