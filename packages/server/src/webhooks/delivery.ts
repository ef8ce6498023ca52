import { createPrefixedId } from '../ids.js';
import type { WebhookOptions } from '../options.js';
import { formatTimestamp, type Clock } from '../time.js';
import { SERVER_VERSION } from '../version.js';
import type { WebhookEvent, WebhookRecord, WebhookRegistry } from './registry.js';
import { webhookSignatureHeader } from './signature.js';

const USER_AGENT = `scribe-server/${SERVER_VERSION} (MedScribeAlliance webhooks)`;

interface Delivery {
  id: string;
  webhook: WebhookRecord;
  body: string;
}

/**
 * Sends webhook deliveries (contract 7.4): first attempts for one webhook and session in event order, then up to
 * `maxRetries` retries after base × 1, 2, 4, 8, 16 with jitter, each re-signed with a fresh `t` and the same body
 * and `X-MSA-Delivery`. Deliveries live in memory: those pending when the server stops are dropped.
 */
export class WebhookDispatcher {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly options: Required<WebhookOptions>,
    private readonly now: Clock,
    private readonly log: (line: string) => void,
  ) {}

  /** Queues `event` for every webhook of the business that subscribed to it. */
  emit(businessId: string, sessionId: string, event: WebhookEvent): void {
    if (this.closing.signal.aborted) return;
    const body = JSON.stringify({ event, timestamp: formatTimestamp(this.now()), session_id: sessionId });
    for (const webhook of this.registry.subscribers(businessId, event)) {
      const delivery = { id: createPrefixedId('dlv'), webhook, body };
      const chainKey = `${webhook.webhookId}\u0000${sessionId}`;
      const previous = this.chains.get(chainKey) ?? Promise.resolve();
      const first = previous.then(() => this.attempt(delivery, 0));
      this.chains.set(chainKey, first);
      this.track(first);
      void first.then(() => {
        if (this.chains.get(chainKey) === first) this.chains.delete(chainKey);
      });
    }
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.timers.size > 0) {
      await Promise.all([...this.pending]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Cancels retries and aborts attempts in flight. */
  close(): void {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(delivery: Delivery, retry: number): Promise<void> {
    if (this.closing.signal.aborted) return;
    const ok = await this.post(delivery);
    if (ok || retry >= this.options.maxRetries || this.closing.signal.aborted) {
      if (!ok) this.log(`webhook ${delivery.webhook.webhookId}: delivery ${delivery.id} failed after ${retry + 1} attempts`);
      return;
    }
    const spread = 1 + this.options.jitter * (2 * Math.random() - 1);
    const wait = this.options.retryBaseMs * 2 ** retry * spread;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(delivery, retry + 1));
    }, wait);
    this.timers.add(timer);
  }

  private async post(delivery: Delivery): Promise<boolean> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
      'X-MSA-Delivery': delivery.id,
    };
    if (delivery.webhook.secret) {
      headers['X-MSA-Signature'] = webhookSignatureHeader(delivery.webhook.secret, Math.floor(this.now() / 1000), delivery.body);
    }
    try {
      const response = await fetch(delivery.webhook.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300;
    } catch {
      return false;
    }
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}
