import { createPrefixedId } from '../ids.js';
import { readJsonFile, writeFileAtomic } from '../store/file-layout.js';

/** The six events of contract 7.2. */
export const WEBHOOK_EVENTS = ['session.started', 'session.ended', 'session.completed', 'session.partial', 'session.failed', 'session.expired'] as const;

/** One webhook event name. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A registered webhook. Times are epoch milliseconds. */
export interface WebhookRecord {
  webhookId: string;
  businessId: string;
  url: string;
  events: WebhookEvent[];
  secret?: string;
  status: 'active';
  createdAt: number;
}

/** Webhooks per business, persisted as one atomically rewritten `webhooks.json`. */
export class WebhookRegistry {
  private writeChain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private records: WebhookRecord[],
  ) {}

  /** Loads the registry (empty when the file does not exist). */
  static async open(file: string): Promise<WebhookRegistry> {
    const stored = (await readJsonFile(file)) as { webhooks?: WebhookRecord[] } | undefined;
    return new WebhookRegistry(file, stored?.webhooks ?? []);
  }

  /**
   * Adds a webhook and persists it, unless its business already has `maxPerBusiness` (then undefined). The count is
   * taken inside the write chain, so concurrent registrations cannot overshoot it.
   */
  async register(input: Omit<WebhookRecord, 'webhookId' | 'status'>, maxPerBusiness: number): Promise<WebhookRecord | undefined> {
    const record: WebhookRecord = { webhookId: createPrefixedId('wh'), status: 'active', ...input };
    let added = false;
    await this.persist(() => {
      if (this.list(input.businessId).length >= maxPerBusiness) return;
      this.records = [...this.records, record];
      added = true;
    });
    return added ? record : undefined;
  }

  /** The business's webhooks, oldest first. */
  list(businessId: string): WebhookRecord[] {
    return this.records.filter((record) => record.businessId === businessId);
  }

  /** Deletes one of the business's webhooks; false when it has no such webhook. */
  async remove(businessId: string, webhookId: string): Promise<boolean> {
    const exists = this.records.some((record) => record.webhookId === webhookId && record.businessId === businessId);
    if (!exists) return false;
    await this.persist(() => {
      this.records = this.records.filter((record) => record.webhookId !== webhookId);
    });
    return true;
  }

  /** Active webhooks of the business subscribed to the event. */
  subscribers(businessId: string, event: WebhookEvent): WebhookRecord[] {
    return this.records.filter((record) => record.businessId === businessId && record.events.includes(event));
  }

  private persist(change: () => void): Promise<void> {
    const run = this.writeChain.then(async () => {
      change();
      await writeFileAtomic(this.file, `${JSON.stringify({ webhooks: this.records }, null, 2)}\n`, 0o600);
    });
    this.writeChain = run.catch(() => undefined);
    return run;
  }
}
