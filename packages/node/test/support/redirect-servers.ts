import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** A request a test server received: method, path, headers and body text. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A plain HTTP server for one test, recording what it received; closed when the test finishes. */
export interface RecordingServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** `HOST:PORT`, as an error would name it. */
  readonly host: string;
  /** Everything received so far, WebSocket upgrade attempts included. */
  readonly received: ReceivedRequest[];
}

/** What a {@link startHostileServer} handler answers: a status, headers and an optional JSON body. */
export interface HostileAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

async function listen(
  host: string,
  handle: (request: ReceivedRequest, response: ServerResponse) => void,
  upgrade: (request: ReceivedRequest) => HostileAnswer = () => ({ status: 404 }),
): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      handle(entry, response);
    });
  });
  // A WebSocket handshake is an ordinary GET with `Upgrade`; Node hands it to 'upgrade', answered here like any request.
  server.on('upgrade', (request: IncomingMessage, socket) => {
    const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: '' };
    received.push(entry);
    const answer = upgrade(entry);
    const headers = Object.entries(answer.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${answer.status} Refused\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, host: `${host}:${port}`, received };
}

/**
 * Where a hostile server points its redirects: 127.0.0.2, another host than the client's 127.0.0.1. It answers
 * every request 200 with a login-shaped body, so a client that followed a redirect would appear to succeed.
 */
export function startRedirectTarget(): Promise<RecordingServer> {
  return listen('127.0.0.2', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ access_token: 'captured-by-the-redirect-target', expires_in: 3600, templates: [] }));
  });
}

/**
 * A hostile service on 127.0.0.1: `answer` decides each HTTP request's answer (and each WebSocket handshake's);
 * bodies are JSON.
 */
export async function startHostileServer(answer: (request: ReceivedRequest, self: RecordingServer) => HostileAnswer): Promise<RecordingServer> {
  let self: RecordingServer | undefined = undefined;
  self = await listen(
    '127.0.0.1',
    (request, response) => {
      const { status, headers, body } = answer(request, self!);
      response.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    },
    (request) => answer(request, self!),
  );
  return self;
}

/** A `Location` header sending the request to `target` under the same path. */
export function redirectTo(target: RecordingServer, request: ReceivedRequest, status: 307 | 308): HostileAnswer {
  return { status, headers: { Location: `${target.url}${request.path}` } };
}
