import { createConnection, createServer, type Socket } from 'node:net';

/** A TCP proxy in front of a local server whose network can be cut and restored, as a dropped Wi-Fi would. */
export interface CuttableProxy {
  /** `http://127.0.0.1:PORT` of the proxy. */
  readonly url: string;
  /** Drops every open connection and resets every new one until `restore()`. */
  cut(): void;
  /** Forwards connections again. */
  restore(): void;
  /** Connections reset while cut. */
  readonly refused: number;
  /** Destroys every open connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on an ephemeral loopback port to `target` (`http://127.0.0.1:PORT`), for tests of what a client does
 * when the network drops mid-request: unlike a server-side fault, the connection itself is reset. Close it when done.
 */
export async function startCuttableProxy(target: string): Promise<CuttableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let isCut = false;
  let refused = 0;
  const server = createServer((client) => {
    if (isCut) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      isCut = false;
    },
    get refused() {
      return refused;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
