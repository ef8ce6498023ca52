/** Name of the signature header (contract 7.3). */
export const SIGNATURE_HEADER = 'x-msa-signature';

/** A parsed `X-MSA-Signature` header. */
export interface SignatureHeader {
  /** Unix seconds the sender signed at. */
  timestamp: number;
  /** Every `v1` value (lowercased hex); more than one may appear while a secret is rotated. */
  signatures: string[];
}

/**
 * Parses `t=<unix seconds>,v1=<hex>` per contract 7.3: split on `,`, trim items, split each on the first `=`;
 * requires one numeric `t` and at least one `v1`. Returns undefined for anything malformed; never throws.
 */
export function parseSignatureHeader(header: string | readonly string[] | null | undefined): SignatureHeader | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of text.split(',')) {
    const trimmed = item.trim();
    if (trimmed === '') continue;
    const separator = trimmed.indexOf('=');
    if (separator <= 0) return undefined;
    const name = trimmed.slice(0, separator).trim();
    const value = trimmed.slice(separator + 1).trim();
    if (name === 't') {
      // A second `t` makes the header ambiguous about what was signed.
      if (timestamp !== undefined || !/^\d{1,15}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (name === 'v1' && value !== '') {
      signatures.push(value.toLowerCase());
    }
  }
  return timestamp !== undefined && signatures.length > 0 ? { timestamp, signatures } : undefined;
}
