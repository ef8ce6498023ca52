import { createConnection, createServer, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';

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
}

/** Starts a proxy to `target` (`http://127.0.0.1:PORT`) for the current test; closed when it finishes. */
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
  const address = server.address() as { port: number };
  onTestFinished(async () => {
    for (const socket of open) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
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
  };
}
