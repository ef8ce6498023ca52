/**
 * Whether a chunk file name may be forwarded: 1–255 printable ASCII characters without `/`, `\` or `..` (the
 * contract's own check, 2.10), so the upstream path is always one segment under the session.
 */
export function isSafeFileName(name: string): boolean {
  return name.length >= 1 && name.length <= 255 && /^[\x20-\x7e]+$/.test(name) && !/[/\\]/.test(name) && !name.includes('..');
}

const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9_.-]+=("[A-Za-z0-9 _.,=:/+-]*"|[A-Za-z0-9_.+-]+))*$/;

/**
 * The `Content-Type` to forward with a chunk: the browser's when it is a well-formed media type of reasonable length,
 * else `application/octet-stream` (the service then infers the type from the file name's extension).
 */
export function forwardedContentType(value: string | null): string {
  return value !== null && value.length <= 128 && MEDIA_TYPE.test(value.trim()) ? value.trim() : 'application/octet-stream';
}
