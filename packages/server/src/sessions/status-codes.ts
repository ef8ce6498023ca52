import type { SessionStatus } from '../store/session-record.js';

const GET_STATUS_CODES: Record<SessionStatus, number> = {
  created: 202,
  recording: 202,
  processing: 202,
  completed: 200,
  partial: 206,
  failed: 200,
  expired: 410,
};

/** HTTP status of a session GET per contract 3.1 (`failed` is 200, `expired` 410 with the session body). */
export function httpStatusFor(status: SessionStatus): number {
  return GET_STATUS_CODES[status];
}

/** True while the session is neither ended nor expired (uploads, patches and end are allowed). */
export function isOpen(status: SessionStatus): boolean {
  return status === 'created' || status === 'recording';
}
