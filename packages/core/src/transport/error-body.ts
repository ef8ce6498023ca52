/** Longest slice of a non-JSON or message-less body that goes into an error message. */
export const ERROR_BODY_EXCERPT_LENGTH = 200;

/** What an error response body says, whatever shape it came in. */
export interface ErrorBody {
  /** The server's error code (`error.code`, or a flat `code`). */
  code: string | undefined;
  /** A human-readable message: `error.message`, a string `detail`, a flat `message`, or the first 200 characters. */
  message: string | undefined;
  /** Structured details (`error.details`, or leftover fields that may help). */
  details: Record<string, unknown> | undefined;
  /** Whether the body was JSON. */
  json: boolean;
}

/**
 * Reads an error body leniently: the 8.1 envelope, FastAPI-style `{detail}`, OAuth-style `{error, error_description}`,
 * a flat `{code, message}` (such as a 410 session body), or anything else (HTML, cloud-storage XML, plain text), whose
 * first 200 characters become the message.
 */
export function parseErrorBody(text: string): ErrorBody {
  const trimmed = text.trim();
  if (!trimmed) return { code: undefined, message: undefined, details: undefined, json: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { code: undefined, message: excerpt(trimmed), details: undefined, json: false };
  }
  if (!isRecord(parsed)) return { code: undefined, message: excerpt(trimmed), details: undefined, json: true };
  return { ...readJsonError(parsed, trimmed), json: true };
}

function readJsonError(body: Record<string, unknown>, raw: string): Omit<ErrorBody, 'json'> {
  const envelope = body.error;
  if (isRecord(envelope)) {
    return {
      code: stringOrUndefined(envelope.code),
      message: stringOrUndefined(envelope.message) ?? excerpt(raw),
      details: isRecord(envelope.details) ? envelope.details : undefined,
    };
  }
  if (typeof body.detail === 'string') {
    // FastAPI services put a bare code in `detail` ({"detail":"missing_token"}): read it as the code too.
    const code = stringOrUndefined(body.code) ?? (DETAIL_CODE.test(body.detail) ? body.detail : undefined);
    return { code, message: body.detail, details: undefined };
  }
  if (typeof envelope === 'string') {
    // OAuth servers send a code in `error` and prose in `error_description`; others put prose straight in `error`.
    const looksLikeCode = /^[A-Za-z0-9_.-]+$/.test(envelope);
    const description = stringOrUndefined(body.error_description) ?? stringOrUndefined(body.message);
    return looksLikeCode
      ? { code: envelope, message: description ?? envelope, details: undefined }
      : { code: stringOrUndefined(body.code), message: envelope, details: undefined };
  }
  const details = body.detail !== undefined ? { detail: body.detail } : isRecord(body.details) ? body.details : undefined;
  const validation = Array.isArray(body.detail) ? describeValidationItems(body.detail) : undefined;
  return { code: stringOrUndefined(body.code), message: stringOrUndefined(body.message) ?? validation ?? excerpt(raw), details };
}

// FastAPI's 422 lists {loc: ["body", "language_hint"], msg: "Field required"}: shown as "language_hint: Field required".
function describeValidationItems(items: unknown[]): string | undefined {
  const parts = items.flatMap((item) => {
    if (!isRecord(item) || typeof item.msg !== 'string') return [];
    const field = fieldOfLocation(item.loc);
    return [field ? `${field}: ${item.msg}` : item.msg];
  });
  return parts.length > 0 ? excerpt(parts.join('; ')) : undefined;
}

/** The field a FastAPI `loc` names: its last string part other than `body`/`query` (indexes skipped). */
export function fieldOfLocation(loc: unknown): string | undefined {
  if (!Array.isArray(loc)) return undefined;
  const names = loc.filter((part): part is string => typeof part === 'string' && part !== 'body' && part !== 'query');
  return names[names.length - 1];
}

const DETAIL_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i;

/** Server codes that mean the credential itself was missing, malformed or expired (so renewing it may help). */
export const TOKEN_REJECTION_CODES: ReadonlySet<string> = new Set([
  'missing_token',
  'invalid_token',
  'token_expired',
  'expired_token',
  'authentication_failed',
]);

/** Whether an error body says the token was missing, invalid or expired (rather than "not allowed"). */
export function isTokenRejection(bodyText: string): boolean {
  const code = parseErrorBody(bodyText).code?.toLowerCase();
  return code !== undefined && TOKEN_REJECTION_CODES.has(code);
}

function excerpt(text: string): string {
  return text.slice(0, ERROR_BODY_EXCERPT_LENGTH);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
