import { HttpError } from '../http/responses.js';
import type { ResolvedOptions } from '../options.js';
import type { SessionRecord } from '../store/session-record.js';
import type { SessionStore } from '../store/session-store.js';
import type { WebhookEvent } from '../webhooks/registry.js';
import { isOpen } from './status-codes.js';

/** What the session handlers need. */
export interface SessionDependencies {
  options: ResolvedOptions;
  store: SessionStore;
  /** Sends a webhook event for the session. */
  emit(record: SessionRecord, event: WebhookEvent): void;
  /** Starts processing a session that was just moved to `processing`. */
  startProcessing(record: SessionRecord): void;
}

/** 404 `session_not_found`, identical for unknown ids and other businesses' sessions. */
export function sessionNotFound(sessionId: string): HttpError {
  return new HttpError(404, 'session_not_found', `No session ${sessionId} for this account.`, { session_id: sessionId });
}

/** 410 `session_expired` envelope (uploads, end, patch; GET answers the session body instead). */
export function sessionExpired(sessionId: string): HttpError {
  return new HttpError(410, 'session_expired', `Session ${sessionId} has expired.`, { session_id: sessionId });
}

/** 400 `session_ended` with the current status. */
export function sessionEnded(record: SessionRecord): HttpError {
  return new HttpError(400, 'session_ended', `Session ${record.sessionId} has already ended.`, { session_id: record.sessionId, status: record.status });
}

/** The caller's session after applying expiry on access (contract 3.5); 404 when it is not theirs. */
export async function loadSession(deps: SessionDependencies, businessId: string, sessionId: string): Promise<SessionRecord> {
  const record = deps.store.get(businessId, sessionId);
  if (!record) throw sessionNotFound(sessionId);
  if (isOpen(record.status) && deps.options.now() >= record.expiresAt) return expireSession(deps, record, false);
  return record;
}

/**
 * Moves an open session past `expires_at` to `expired` (or at once with `force`, the test knob), keeping its audio,
 * and sends `session.expired`. Processing and finished sessions never expire.
 */
export async function expireSession(deps: SessionDependencies, record: SessionRecord, force: boolean): Promise<SessionRecord> {
  const { store } = deps;
  const expired = await store.withLock(record.businessId, record.sessionId, async () => {
    const current = store.get(record.businessId, record.sessionId);
    if (!current || !isOpen(current.status)) return undefined;
    const now = deps.options.now();
    if (!force && now < current.expiresAt) return undefined;
    const expiresAt = force ? Math.min(now, current.expiresAt) : current.expiresAt;
    const next: SessionRecord = { ...current, status: 'expired', expiresAt, expiredAt: expiresAt, terminalEventSent: true };
    await store.save(next);
    return next;
  });
  if (expired) deps.emit(expired, 'session.expired');
  return deps.store.get(record.businessId, record.sessionId) ?? record;
}

/**
 * Runs `change` on the caller's session under its lock once it is known to be open: unknown → 404, expired → 410
 * envelope, ended → 400 `session_ended` (contract 3.6). Upload, end and patch share exactly these rules.
 */
export async function changeOpenSession<T>(
  deps: SessionDependencies,
  businessId: string,
  sessionId: string,
  change: (current: SessionRecord) => Promise<T>,
): Promise<T> {
  await loadSession(deps, businessId, sessionId);
  return deps.store.withLock(businessId, sessionId, async () => {
    const current = deps.store.get(businessId, sessionId) as SessionRecord;
    if (current.status === 'expired') throw sessionExpired(sessionId);
    if (!isOpen(current.status)) throw sessionEnded(current);
    return change(current);
  });
}

/** The checks of {@link changeOpenSession} without the change: unknown → 404, expired → 410, ended → 400. */
export async function assertOpenSession(deps: SessionDependencies, businessId: string, sessionId: string): Promise<void> {
  const record = await loadSession(deps, businessId, sessionId);
  if (record.status === 'expired') throw sessionExpired(sessionId);
  if (!isOpen(record.status)) throw sessionEnded(record);
}

/** Expires every open session whose time is up; run on a timer so expiry happens without any access. */
export async function sweepExpired(deps: SessionDependencies): Promise<void> {
  const now = deps.options.now();
  for (const record of deps.store.all()) {
    if (isOpen(record.status) && now >= record.expiresAt) await expireSession(deps, record, false);
  }
}
