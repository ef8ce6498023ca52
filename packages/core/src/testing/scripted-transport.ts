import { errorForAbort } from '../errors/abort';
import type { Transport, TransportRequest, TransportResponse } from '../transport/transport';

/** What a script answers for one request: a response to resolve with. Throw a ScribeError to reject instead. */
export interface ScriptedReply {
  /** HTTP status. Default 200. */
  status?: number;
  /** Parsed body. Default undefined. */
  data?: unknown;
  /** Response headers. Default none. */
  headers?: Record<string, string>;
  /** Request id. Default undefined. */
  requestId?: string;
}

/** Answers one request; may be async, may throw, may wait on `request.signal`. */
export type ScriptedHandler = (request: TransportRequest, callNumber: number) => ScriptedReply | Promise<ScriptedReply>;

/** A Transport for tests that records every request and answers from a script. */
export interface ScriptedTransport extends Transport {
  /** Every request received, in order. */
  readonly requests: TransportRequest[];
  /** Requests currently being answered. */
  readonly inFlight: number;
  /** The highest `inFlight` value seen. */
  readonly maxInFlight: number;
}

/**
 * Creates a Transport driven by `handler`. It does what the real transport promises to callers and no more: the
 * caller's signal rejects as the real transport's does (`errorForAbort`), also while the handler is still working; nothing is retried.
 */
export function createScriptedTransport(handler: ScriptedHandler): ScriptedTransport {
  const requests: TransportRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    async request<T>(request: TransportRequest): Promise<TransportResponse<T>> {
      requests.push(request);
      if (request.signal?.aborted) throw errorForAbort(request.signal);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const reply = await raceAbort(Promise.resolve().then(() => handler(request, requests.length)), request.signal);
        const headers = new Headers(reply.headers ?? {});
        return { status: reply.status ?? 200, headers, data: reply.data as T, requestId: reply.requestId };
      } finally {
        inFlight -= 1;
      }
    },
  };
}

/** A promise that never settles unless `signal` aborts: a hanging request. */
export function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(errorForAbort(signal)), { once: true });
  });
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(errorForAbort(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
