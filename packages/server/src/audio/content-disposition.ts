/** A parsed `Content-Disposition` value. */
export interface ContentDisposition {
  type: string;
  parameters: Map<string, string>;
}

/** Parses `type; key=value; key="quoted \"value\""` (RFC 6266), keys lower-cased. */
export function parseContentDisposition(value: string): ContentDisposition {
  const parameters = new Map<string, string>();
  let position = value.indexOf(';');
  const type = (position < 0 ? value : value.slice(0, position)).trim().toLowerCase();
  while (position >= 0 && position < value.length) {
    position += 1;
    const equals = value.indexOf('=', position);
    if (equals < 0) break;
    const key = value.slice(position, equals).trim().toLowerCase();
    let cursor = equals + 1;
    while (value[cursor] === ' ') cursor += 1;
    let parameter = '';
    if (value[cursor] === '"') {
      cursor += 1;
      while (cursor < value.length && value[cursor] !== '"') {
        if (value[cursor] === '\\' && cursor + 1 < value.length) cursor += 1;
        parameter += value[cursor];
        cursor += 1;
      }
      position = value.indexOf(';', cursor);
    } else {
      const end = value.indexOf(';', cursor);
      parameter = (end < 0 ? value.slice(cursor) : value.slice(cursor, end)).trim();
      position = end;
    }
    if (key !== '' && !parameters.has(key)) parameters.set(key, parameter);
  }
  return { type, parameters };
}

/** The file name of a disposition: `filename*` (RFC 5987, UTF-8 or ISO-8859-1) wins over `filename`. */
export function dispositionFileName(disposition: ContentDisposition): string | undefined {
  const extended = disposition.parameters.get('filename*');
  if (extended !== undefined) {
    const decoded = decodeExtendedValue(extended);
    if (decoded !== undefined) return decoded;
  }
  return disposition.parameters.get('filename');
}

function decodeExtendedValue(value: string): string | undefined {
  const match = /^([A-Za-z0-9!#$&+.^_`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const charset = (match[1] as string).toLowerCase();
  const encoded = match[2] as string;
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') return percentDecodeBytes(encoded).toString('latin1');
  } catch {
    return undefined;
  }
  return undefined;
}

function percentDecodeBytes(encoded: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 1) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}
