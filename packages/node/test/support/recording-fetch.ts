/** One HTTP exchange as the SDK saw it: what it asked and what came back. */
export interface SdkExchange {
  method: string;
  url: string;
  status: number;
  /** `X-Request-Id` of the answer, to find the server's own record of the request. */
  requestId: string | undefined;
  contentType: string;
  /** The body text exactly as received. */
  text: string;
  /** The request body the SDK sent, when it was text (JSON calls); the server's request log redacts secrets in it. */
  requestBody: string | undefined;
}

/** A fetch that behaves like the global one and keeps a copy of every answer the SDK received. */
export interface RecordingFetch {
  fetch: typeof fetch;
  /** Every completed exchange (bodies read from a clone, so the SDK's own reading is untouched). */
  exchanges(): Promise<SdkExchange[]>;
}

/** Wraps the real global fetch; nothing is faked, the network call is the SDK's own. */
export function createRecordingFetch(): RecordingFetch {
  const pending: Promise<SdkExchange | undefined>[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const requestBody = typeof init?.body === 'string' ? init.body : undefined;
    const copy = response.clone();
    pending.push(
      copy.text().then(
        (text) => ({
          method,
          url,
          status: response.status,
          requestId: response.headers.get('x-request-id') ?? undefined,
          contentType: response.headers.get('content-type') ?? '',
          text,
          requestBody,
        }),
        // The SDK aborted the read (cancelled call): there is no answer to check.
        () => undefined,
      ),
    );
    return response;
  };
  return {
    fetch: recording,
    exchanges: async () => (await Promise.all(pending)).filter((exchange): exchange is SdkExchange => exchange !== undefined),
  };
}

/** The JSON request bodies the SDK sent to URLs matching `path`, in order (parsed). */
export function sentBodies(exchanges: readonly SdkExchange[], path: RegExp): unknown[] {
  return exchanges.filter((exchange) => path.test(new URL(exchange.url).pathname) && exchange.requestBody !== undefined).map((exchange) => JSON.parse(exchange.requestBody as string) as unknown);
}
