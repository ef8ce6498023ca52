/** What this client instance knows locally about one session. */
export interface SessionRecord {
  /** The `upload_url` from create (`msa` uploads go there). */
  uploadUrl?: string;
  /** The `upload_type` sent at create. */
  uploadType?: string;
  /** Set once `end` succeeded (or the server said the session was ended or expired): uploads are refused locally. */
  ended: boolean;
  /** Set once the server said the session expired: uploads are refused locally with SessionExpiredError. */
  expired: boolean;
  /** File names the server acknowledged, so re-uploads of a name are counted once. */
  readonly acknowledged: Set<string>;
  /** The media type chosen per extension, so every chunk of a session carries the same string (contract 5.3). */
  readonly contentTypes: Map<string, string>;
}

/** Local per-session state shared by the sessions API and the uploader of one client. */
export interface SessionRegistry {
  /** The record of a session, created empty on first use. */
  get(sessionId: string): SessionRecord;
  /** The record if one exists, without creating it. */
  peek(sessionId: string): SessionRecord | undefined;
  /** Forgets every session. */
  clear(): void;
}

/** Default number of sessions remembered; the oldest is forgotten first so a long-running relay does not grow forever. */
export const DEFAULT_REGISTRY_CAPACITY = 10_000;

/** Creates an in-memory session registry holding at most `capacity` sessions (default 10 000). */
export function createSessionRegistry(capacity = DEFAULT_REGISTRY_CAPACITY): SessionRegistry {
  const records = new Map<string, SessionRecord>();
  return {
    get(sessionId) {
      let record = records.get(sessionId);
      if (!record) {
        record = { ended: false, expired: false, acknowledged: new Set(), contentTypes: new Map() };
        records.set(sessionId, record);
        if (records.size > capacity) records.delete(records.keys().next().value as string);
      }
      return record;
    },
    peek: (sessionId) => records.get(sessionId),
    clear: () => records.clear(),
  };
}
