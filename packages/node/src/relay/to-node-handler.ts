import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A `node:http` request listener; Express accepts it as a route handler as is. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Adapts a web-standard handler (`createScribeRelay`'s) to `node:http`, Express and Fastify (`reply.raw`): the
 * incoming request becomes a `Request` whose body streams from the socket (never buffered here; the handler applies
 * its limits) and whose signal aborts when the client goes away; the `Response` is written back, body streamed.
 * The URL is built from the socket's scheme, the `Host` header and `originalUrl` (Express keeps the mount path
 * there). Mount it before any body parser, which would consume the body first.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): NodeRequestListener {
  return async (req, res) => {
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    let response: Response;
    try {
      response = await handler(toRequest(req, aborted.signal));
    } catch {
      response = new Response(JSON.stringify({ error: { code: 'internal_error', message: 'The relay failed.' } }), { status: 500, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    }
    await writeResponse(req, res, response);
  };
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const target = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = new URL(`${scheme}://${req.headers.host ?? 'localhost'}${target.startsWith('/') ? target : `/${target}`}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream with backpressure. Cancelling it (a body over the limit) only detaches and pauses
 * the request, unlike `Readable.toWeb`, which destroys the socket and with it the 413 answer.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let detach = () => undefined as void;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => {
          detach();
          controller.close();
        };
        const onError = (error: Error) => {
          detach();
          controller.error(error);
        };
        detach = () => {
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
          req.pause();
        };
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        detach();
      },
    },
    { highWaterMark: 1 },
  );
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  // A body the handler refused (413) may still be arriving: close the connection after the answer rather than read
  // the rest, and let the client see the answer.
  const unread = !req.complete;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  if (unread) res.setHeader('Connection', 'close');
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
  }
  res.end();
  if (unread) req.resume();
}
