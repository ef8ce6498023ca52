import { createConnection, createServer, type Socket } from 'node:net';

/** A fault the proxy injects; one at a time, on the first connection that carries `afterBytes` towards the server. */
export type ProxyFault =
  /** No fault: a plain relay (the matrix's baseline). */
  | { kind: 'none' }
  /** Resets that connection (TCP RST both ways) as it passes `afterBytes`: a request body or stream cut mid-way. */
  | { kind: 'reset'; afterBytes: number; times?: number }
  /** Delays every piece of data, both ways, by `ms` (order kept): a slow link. */
  | { kind: 'latency'; ms: number }
  /** Stops relaying that connection, both ways, for `ms` once it passes `afterBytes`: a peer that does not read. */
  | { kind: 'stall'; afterBytes: number; ms: number }
  /**
   * Freezes every connection once one passes `afterBytes` and resolves `tripped`, so the test can kill the server at
   * that exact point; `release()` unfreezes.
   */
  | { kind: 'freeze'; afterBytes: number };

/** A fault-injecting TCP relay in front of a local server. */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT` of the proxy. */
  readonly url: string;
  /** Connections reset by a `reset` fault so far. */
  readonly resets: number;
  /** Connections stalled by a `stall` fault so far. */
  readonly stalls: number;
  /** Resolves when a `freeze` fault has frozen the relay. */
  readonly tripped: Promise<void>;
  /** Ends a `freeze`: frozen data flows again (to wherever the connections now lead). */
  release(): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** One direction of a relayed connection: data waits in order while a fault holds it. */
class Pipe {
  private held: Buffer[] = [];
  private holding = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly to: Socket,
    private readonly latencyMs: number,
  ) {}

  write(data: Buffer): void {
    if (this.holding > 0) return void this.held.push(data);
    if (this.latencyMs === 0) return void this.to.write(data);
    this.chain = this.chain.then(() => new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs))).then(() => void this.to.write(data));
  }

  hold(): void {
    this.holding += 1;
  }

  resume(): void {
    this.holding = Math.max(0, this.holding - 1);
    if (this.holding > 0) return;
    const held = this.held;
    this.held = [];
    for (const data of held) this.write(data);
  }
}

/**
 * Starts a relay on an ephemeral loopback port to `target` (`http://127.0.0.1:PORT`) injecting `fault`. Connections
 * that cannot reach the target (a server that is down) are reset, as a real network would answer. Close it when done.
 */
export async function startFaultProxy(target: string, fault: ProxyFault): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const frozen = new Set<Pipe>();
  let resets = 0;
  let stalls = 0;
  let resetsLeft = fault.kind === 'reset' ? (fault.times ?? 1) : 0;
  let stallUsed = false;
  let freezing = false;
  let freezeUsed = false;
  let trip!: () => void;
  const tripped = new Promise<void>((resolve) => (trip = resolve));
  const pipes = new Set<Pipe>();
  const freeze = (pipe: Pipe) => {
    pipe.hold();
    frozen.add(pipe);
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    const latency = fault.kind === 'latency' ? fault.ms : 0;
    const toServer = new Pipe(upstream, latency);
    const toClient = new Pipe(client, latency);
    if (freezing) for (const pipe of [toServer, toClient]) freeze(pipe);
    let forwarded = 0;
    client.on('data', (data: Buffer) => {
      const before = forwarded;
      forwarded += data.length;
      if (fault.kind === 'reset' && resetsLeft > 0 && before < fault.afterBytes && forwarded >= fault.afterBytes) {
        resetsLeft -= 1;
        resets += 1;
        // Half of this piece reaches the server first: the body is cut mid-way, not at a boundary.
        upstream.write(data.subarray(0, Math.floor(data.length / 2)), () => {
          upstream.resetAndDestroy();
          client.resetAndDestroy();
        });
        return;
      }
      toServer.write(data);
      if (fault.kind === 'stall' && !stallUsed && forwarded >= fault.afterBytes) {
        stallUsed = true;
        stalls += 1;
        toServer.hold();
        toClient.hold();
        setTimeout(() => {
          toServer.resume();
          toClient.resume();
        }, fault.ms);
      }
      if (fault.kind === 'freeze' && !freezeUsed && forwarded >= fault.afterBytes) {
        freezeUsed = true;
        freezing = true;
        for (const pipe of pipes) freeze(pipe);
        trip();
      }
    });
    upstream.on('data', (data: Buffer) => toClient.write(data));
    pipes.add(toServer).add(toClient);
    client.on('close', () => {
      upstream.destroy();
      pipes.delete(toServer);
      pipes.delete(toClient);
    });
    // A server that is down or dies answers as a real network would: the client's connection is reset.
    upstream.on('error', () => client.resetAndDestroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    get resets() {
      return resets;
    },
    get stalls() {
      return stalls;
    },
    tripped,
    release() {
      freezing = false;
      for (const pipe of frozen) pipe.resume();
      frozen.clear();
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
