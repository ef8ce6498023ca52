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

/** Renders an HttpError as a response. */
export function errorResponse(error: HttpError): HttpResponse {
  return { status: error.status, body: errorBody(error.code, error.message, error.details), headers: error.headers };
}

/** 400 `invalid_request` with an optional offending field. */
export function invalidRequest(message: string, details?: ErrorDetails): HttpError {
  return new HttpError(400, 'invalid_request', message, details);
}
