/** A part of a hand-built multipart body. */
export interface PartSpec {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Uint8Array | string;
}

/** Builds a `multipart/form-data` body byte by byte, so tests control every header. */
export function buildMultipart(parts: PartSpec[], boundary = '----scribe-test-boundary-7MA4YWxkTrZu0gW'): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.fileName !== undefined) head += `; filename="${part.fileName}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'latin1'), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
