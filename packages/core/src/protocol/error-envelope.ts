import { decodeIfText, isWireObject, optionalObject, optionalString, type WireObject } from './parse-wire';

/** What an error body says, whatever its form. */
export interface ErrorEnvelope {
  /** The server's code (`session_not_found`, `PWD_MISMATCH`, `AccessDenied`...), verbatim. */
  code?: string;
  /** A human-readable message; never empty. */
  message: string;
  /** `error.details` when the server sent an object. */
  details?: Record<string, unknown>;
}

/** Longest message taken from a non-JSON body (contract 8.1). */
export const ERROR_TEXT_LIMIT = 200;

/**
 * Reads an error body (contract 8.1): the envelope `{error: {code, message, details}}`, a string `error` (OAuth
 * style with `error_description`), a string `detail`, a top-level `message`, or non-JSON text (HTML, cloud-storage
 * XML, plain text: the first 200 characters). `fallbackText` (the raw body text) is used when `raw` says nothing.
 */
export function parseErrorEnvelope(raw: unknown, fallbackText?: string): ErrorEnvelope {
  const body = decodeIfText(raw);
  if (isWireObject(body)) {
    const found = fromObject(body);
    if (found) return found;
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body : fallbackText;
  if (text !== undefined && text.trim() !== '') {
    const decoded = decodeIfText(text);
    if (isWireObject(decoded) && decoded !== body) {
      const found = fromObject(decoded);
      if (found) return found;
    }
    return fromText(text);
  }
  return { message: 'The response body was empty.' };
}

function fromObject(body: WireObject): ErrorEnvelope | undefined {
  const error = body.error;
  if (isWireObject(error)) {
    const code = codeOf(error.code);
    const message = optionalString(error.message) || optionalString(error.detail) || code;
    const details = optionalObject(error.details);
    if (message) return withOptional({ code, message, details });
  }
  if (typeof error === 'string' && error !== '') {
    const description = optionalString(body.error_description);
    return description
      ? withOptional({ code: error, message: description, details: optionalObject(body.details) })
      : withOptional({ code: codeOf(body.code), message: error, details: optionalObject(body.details) });
  }
  if (typeof body.detail === 'string' && body.detail !== '') {
    return withOptional({ code: codeOf(body.code), message: body.detail, details: optionalObject(body.details) });
  }
  if (Array.isArray(body.detail)) {
    // FastAPI-style validation lists: [{loc, msg, type}].
    const parts = body.detail.map((item) => (isWireObject(item) ? optionalString(item.msg) : optionalString(item))).filter(Boolean);
    if (parts.length > 0) return { message: clip(parts.slice(0, 3).join('; ')), details: { detail: body.detail } };
  }
  const message = optionalString(body.message);
  if (message) return withOptional({ code: codeOf(body.code), message, details: optionalObject(body.details) });
  return undefined;
}

function fromText(text: string): ErrorEnvelope {
  // Cloud storage (S3, GCS) answers presigned-URL failures with <Error><Code>…</Code><Message>…</Message></Error>.
  const code = /<Code>([^<]{1,100})<\/Code>/i.exec(text)?.[1]?.trim();
  const xmlMessage = /<Message>([^<]{1,1000})<\/Message>/i.exec(text)?.[1]?.trim();
  if (xmlMessage) return withOptional({ code, message: clip(xmlMessage) });
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(text)?.[1]?.trim();
  if (title) return withOptional({ code, message: clip(title) });
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return withOptional({ code, message: clip(plain || text.trim()) });
}

function codeOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return optionalString(value) || undefined;
}

function clip(text: string): string {
  return text.length > ERROR_TEXT_LIMIT ? text.slice(0, ERROR_TEXT_LIMIT) : text;
}

// Keys with undefined values are left out so results compare and serialise cleanly.
function withOptional(envelope: { code?: string | undefined; message: string; details?: Record<string, unknown> | undefined }): ErrorEnvelope {
  const out: ErrorEnvelope = { message: envelope.message };
  if (envelope.code !== undefined) out.code = envelope.code;
  if (envelope.details !== undefined) out.details = envelope.details;
  return out;
}
