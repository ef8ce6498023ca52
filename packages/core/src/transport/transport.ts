import type { ScribeError } from '../errors';

/** HTTP methods the SDK uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One logical call; the transport may make several attempts (retries, one auth renewal). */
export interface TransportRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Absolute URL (callers build it from the resolved endpoints). */
  url: string;
  /** Query parameters; undefined values are dropped. */
  query?: Record<string, string | undefined>;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** A JSON-serialisable value (sent as JSON), raw bytes (`Uint8Array`), or `FormData`. */
  body?: unknown;
  /** Attach the active credentials. Default true. */
  auth?: boolean;
  /** Send `MSA-Version` (dialect `msa` only). Default: the value of `auth` (protocol calls, not discovery or presigned URLs). */
  msaVersion?: boolean;
  /** Whether the call may be retried (contract 8.4). Default: true for GET, false otherwise. */
  idempotent?: boolean;
  /** The URL names a session: a 404 becomes SessionNotFoundError. Default false. */
  sessionPath?: boolean;
  /**
   * The service advertised this URL under this name (`upload_url`): a 404 without a server code means that route is
   * missing there, not that the session is unknown. Default none.
   */
  advertisedAs?: string;
  /** Statuses whose bodies are results, not errors (GET session: 410). */
  resultStatuses?: readonly number[];
  /** Cancels the call, its retries and their waits. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. Default: the configured request timeout. */
  timeoutMs?: number;
  /**
   * Called with every HTTP answer received, one per attempt, before it is judged; the body text has the credentials
   * redacted. For a relay that passes the service's own answer (envelope, `Retry-After`) on. Default none.
   */
  onResponse?: (response: ObservedResponse) => void;
  /** Called before each retry, with the error that caused it. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ScribeError }) => void;
}

/** One HTTP answer as {@link TransportRequest.onResponse} sees it. */
export interface ObservedResponse {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The body text, every credential the transport knows replaced by a placeholder. */
  bodyText: string;
}

/** A successful (2xx, or listed in `resultStatuses`) response with its parsed body. */
export interface TransportResponse<T = unknown> {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed JSON body; `undefined` for an empty body; the raw text when not JSON. */
  data: T;
  /** The server's `X-Request-Id`. */
  requestId: string | undefined;
  /** The raw body text, when the transport read one (the HTTP transport always sets it). */
  bodyText?: string;
}

/** Sends requests with auth, timeouts, retries and error mapping. Implemented by `createHttpTransport`. */
export interface Transport {
  /** Performs the call; resolves on success, rejects with a ScribeError otherwise. */
  request<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>>;
}
