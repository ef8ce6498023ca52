/** How errors and the session name a blob: the caller's name, else the `File`'s name, else "the audio blob". */
export function blobName(blob: Blob, name?: string): string {
  return name ?? (typeof File !== 'undefined' && blob instanceof File && blob.name ? blob.name : 'the audio blob');
}
