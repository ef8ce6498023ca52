/** Every session status the SDK knows (contract 3.1); servers may send others. */
export const KNOWN_SESSION_STATUSES = [
  'created',
  'initialized',
  'recording',
  'processing',
  'completed',
  'partial',
  'failed',
  'expired',
] as const;

/** A status the SDK knows. */
export type KnownSessionStatus = (typeof KNOWN_SESSION_STATUSES)[number];

/** A session status as received: a known value, or any other string kept verbatim (treated as non-terminal). */
export type SessionStatus = KnownSessionStatus | (string & {});

/** The statuses after which a session never changes again by itself (contract 10.1). */
export type TerminalSessionStatus = 'completed' | 'partial' | 'failed' | 'expired';

const TERMINAL: ReadonlySet<string> = new Set<TerminalSessionStatus>(['completed', 'partial', 'failed', 'expired']);
const KNOWN: ReadonlySet<string> = new Set<string>(KNOWN_SESSION_STATUSES);

/** True for `completed`, `partial`, `failed` and `expired`; unknown statuses are not terminal, so polling goes on. */
export function isTerminalStatus(status: string | undefined): status is TerminalSessionStatus {
  return status !== undefined && TERMINAL.has(status);
}

/** True for the statuses of contract 3.1. */
export function isKnownStatus(status: string | undefined): status is KnownSessionStatus {
  return status !== undefined && KNOWN.has(status);
}

/**
 * Normalises a wire status: known values are matched case-insensitively (a gateway that upper-cases them must not
 * make a finished session look unfinished); anything else is kept verbatim.
 */
export function normalizeStatus(raw: string): SessionStatus {
  const lowered = raw.trim().toLowerCase();
  return KNOWN.has(lowered) ? lowered : raw;
}
