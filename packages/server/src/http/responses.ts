/** What a handler returns; the request pipeline turns it into bytes on the socket. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value; omitted for empty bodies such as 204. */
  body?: unknown;
  /** A non-JSON body (only the HTML fault knob uses this). */
  raw?: { contentType: string; data: string };
}

/** Envelope details: free-form, but always JSON-serialisable. */
export type ErrorDetails = Record<string, unknown>;

/** A failure that maps to the contract's error envelope (8.1); handlers throw it, the pipeline renders it. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, details?: ErrorDetails, headers?: Record<string, string>) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

/** A JSON response with the given status. */
export function json(status: number, body: unknown, headers?: Record<string, string>): HttpResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** The envelope `{"error":{"code","message","details?"}}` for an error. */
export function errorBody(code: string, message: string, details?: ErrorDetails): unknown {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** How error bodies are written: the contract's envelope, or FastAPI's `{"detail": ...}` (the on-prem variant). */
export type ErrorStyle = 'envelope' | 'detail';

/** Renders an HttpError as a response, in the contract's envelope unless `style` is `detail`. */
export function errorResponse(error: HttpError, style: ErrorStyle = 'envelope'): HttpResponse {
  const body = style === 'detail' ? detailBody(error) : errorBody(error.code, error.message, error.details);
  return { status: error.status, body, headers: error.headers };
}

/**
 * FastAPI's shapes: a validation failure naming a field is a `detail` list whose `loc` names it (as pydantic reports
 * body fields); anything else is `{"detail": message}`.
 */
export function detailBody(error: HttpError): unknown {
  const field = error.details?.field;
  if (typeof field === 'string' && (error.status === 400 || error.status === 422)) {
    return { detail: [{ type: error.code, loc: field === 'body' ? ['body'] : ['body', field], msg: error.message }] };
  }
  return { detail: error.message };
}

/** 400 `invalid_request` with an optional offending field. */
export function invalidRequest(message: string, details?: ErrorDetails): HttpError {
  return new HttpError(400, 'invalid_request', message, details);
}
