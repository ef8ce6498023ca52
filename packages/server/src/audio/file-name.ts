const CHUNK_NAME = /^(.+)_(0|[1-9][0-9]*)\.([A-Za-z0-9]+)$/;

/** Why a file name was refused, or `undefined` when it is safe (contract 2.10: printable ASCII, no path tricks). */
export function unsafeFileNameReason(name: string): string | undefined {
  if (name.length < 1 || name.length > 255) return 'file name must be 1 to 255 characters';
  if (!/^[\x20-\x7e]+$/.test(name)) return 'file name must be printable ASCII';
  if (name.includes('/') || name.includes('\\')) return 'file name must not contain path separators';
  if (name.includes('..')) return 'file name must not contain ".."';
  if (/^\.+$/.test(name.trim()) || name.trim() === '') return 'file name must name a file';
  return undefined;
}

/** The chunk index of a `{prefix}_{index}.{ext}` name (index not zero-padded), or `undefined`. */
export function chunkIndexOf(name: string): number | undefined {
  const match = CHUNK_NAME.exec(name);
  if (!match) return undefined;
  const index = Number(match[2]);
  return Number.isSafeInteger(index) ? index : undefined;
}
