import { commands } from 'vitest/browser';

/** The Node-side helpers of the browser tests (defined in vitest.config.ts), typed. */
export interface SessionTraffic {
  /** Each audio upload the server saw for the session, in arrival order: file name and status (null: dropped). */
  uploads: { name: string; status: number | null }[];
  /** Each end call: body and status. */
  ends: { body: unknown; status: number | null }[];
  /** The chunk files on the server's disk, in index order. */
  stored: string[];
}

/** What `findSecrets` reports: the kinds found (never the values) and how much was searched. */
export interface SecretSearch {
  found: string[];
  secretsSearched: number;
  tokensSearched: number;
  charactersSearched: number;
}

/** What `reloadMidSession` reports from the two page loads. */
export interface ReloadReport {
  sessionId: string;
  beforeReload: { chunksCut: number; chunksPending: number; chunksAcknowledged: number; locks: number };
  /** End calls the server saw before the resume (none: the reloaded page never stopped the session). */
  endsBeforeResume: number;
  afterReload: {
    pending: { sessionId: string; label: string | undefined; nextIndex: number; acknowledged: number }[];
    resumed: { sessionId: string; outcome: string; chunksUploaded: number; audioFilesSent: number | undefined; error: string | undefined }[];
    status: string | undefined;
    left: number;
  };
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    cutNetwork(): Promise<void>;
    restoreNetwork(): Promise<void>;
    refusedConnections(): Promise<number>;
    sessionTraffic(handle: string): Promise<SessionTraffic>;
    findSecrets(texts: string[]): Promise<SecretSearch>;
    lockAvailableInOtherTab(origin: string, name: string): Promise<boolean>;
    reloadMidSession(origin: string, relayUrl: string, database: string, cookie: string): Promise<ReloadReport>;
  }
}

export { commands };
