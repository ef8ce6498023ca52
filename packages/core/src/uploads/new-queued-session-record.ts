import type { NewQueuedSession, QueuedSession } from './chunk-store';

/**
 * The record `putSession` opens for a new session: nothing stored or acknowledged yet, defaults applied (`startIndex`
 * 0, `createdAt` = `now()`). Shared by the chunk-store adapters so they agree on the starting state; not frozen, so an
 * adapter can extend it with what it keeps beside it.
 */
export function newQueuedSessionRecord(session: NewQueuedSession, now: () => number): QueuedSession {
  const at = session.createdAt ?? now();
  const startIndex = session.startIndex ?? 0;
  return {
    sessionId: session.sessionId,
    scope: session.scope,
    startIndex,
    nextIndex: startIndex,
    acknowledged: 0,
    endRequested: false,
    uploadUrl: session.uploadUrl,
    label: session.label,
    createdAt: at,
    updatedAt: at,
  };
}
