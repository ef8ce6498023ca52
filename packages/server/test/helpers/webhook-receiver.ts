import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** One delivery as the receiver saw it. */
export interface ReceivedDelivery {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  receivedAt: number;
}

/** A local webhook endpoint recording deliveries; answers from `statuses` in order, then 200. */
export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** Resolves once `count` deliveries arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
}

/** Starts a receiver on 127.0.0.1; closed when the test ends. */
export async function startWebhookReceiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const waiters: (() => void)[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, rawBody: Buffer.concat(parts).toString('utf8'), receivedAt: Date.now() });
      res.writeHead(queue.shift() ?? 200).end('ok');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    deliveries,
    waitFor: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} deliveries, got ${deliveries.length}`)), timeoutMs);
        const check = () => {
          if (deliveries.length >= count) {
            clearTimeout(timer);
            resolve(deliveries.slice());
          } else {
            waiters.push(check);
          }
        };
        check();
      }),
  };
}

/** Parses delivery bodies to `{event, session_id}` pairs, in arrival order. */
export function eventsOf(deliveries: ReceivedDelivery[]): { event: string; session_id: string }[] {
  return deliveries.map((delivery) => {
    const body = JSON.parse(delivery.rawBody) as { event: string; session_id: string };
    return { event: body.event, session_id: body.session_id };
  });
}
