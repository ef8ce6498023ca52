import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the test server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

/** Scripts one answer; `number` counts every request the server got so far (1-based). */
export type Handler = (request: ReceivedRequest, response: ServerResponse, number: number) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 and an ephemeral port, scripted per test. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  requests: ReceivedRequest[];
  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): ReceivedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server answering with `handler`. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  let current = handler;
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    void readRequest(req).then(async (received) => {
      requests.push(received);
      try {
        await current(received, res, requests.length);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 599, { error: { code: 'test_handler_failed', message: String(error) } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (prefix) => requests.filter((request) => request.url.startsWith(prefix)),
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, text, json };
}

/** Answers with a JSON body and an `X-Request-Id`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': `req-${status}`, ...headers });
  res.end(text);
}

/** Answers with a text body of any content type. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, ...headers });
  res.end(text);
}

/** Answers with the contract 8.1 envelope. */
export function sendEnvelope(res: ServerResponse, status: number, code: string, message = code, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/** Drops the connection without any response. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** An unsigned JWT-shaped token carrying `claims` (the SDK only decodes, never verifies). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}

/** Resolves after `ms` of real time (kept to a few hundred ms in tests). */
export function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Number of live Node timers, to prove that no timer survives an abort. */
export function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}
