/** Statuses the server emits (contract 3.1, 10 #1: never `initialized`). */
export type SessionStatus = 'created' | 'recording' | 'processing' | 'completed' | 'partial' | 'failed' | 'expired';

/** Statuses after which nothing changes except by reprocessing. */
export const TERMINAL_STATUSES: ReadonlySet<SessionStatus> = new Set(['completed', 'partial', 'failed', 'expired']);

/** An uploaded file as recorded in `session.json`. */
export interface StoredAudioFile {
  /** The name the client gave; the file's identity (re-uploading it replaces it). */
  name: string;
  /** File name inside the session's `audio/` directory. */
  diskName: string;
  index: number | null;
  contentType: string;
  bytes: number;
  durationSeconds?: number;
  receivedAt: number;
}

/** A template result on the wire: `{status, data?, error?, ...extra}` (contract 4.2). */
export interface TemplateResultWire {
  status: 'success' | 'failed' | 'processing';
  data?: unknown;
  error?: { code: string; message: string };
  [extra: string]: unknown;
}

/** One entry of the results list; a template may appear more than once (several documents). */
export interface TemplateEntry {
  templateId: string;
  result: TemplateResultWire;
}

/** A non-fatal problem met while processing (contract 3.3 `processing_errors`). */
export interface ProcessingErrorEntry {
  type: string;
  message: string;
  file?: string;
}

/** What a `processing` session still has to do; kept on disk so a restart resumes it. */
export type PendingRun = { kind: 'full' } | { kind: 'templates'; templateIds: string[] };

/** Everything the server knows about a session; persisted as `session.json`. Times are epoch milliseconds. */
export interface SessionRecord {
  formatVersion: 1;
  sessionId: string;
  businessId: string;
  clientId?: string;
  status: SessionStatus;
  createdAt: number;
  expiresAt: number;
  /** The `{P}` prefix of the create request, reused for generated URLs. */
  prefix: string;
  templates: string[];
  model: string;
  sessionMode: 'consultation' | 'dictation';
  languageHint?: string[];
  transcriptLanguage?: string | string[];
  uploadType: 'chunked' | 'single' | 'stream';
  communicationProtocol: 'http' | 'websocket';
  /** Stream sessions: the capability in the WebSocket URL (contract 6.2), distinct from the session id. */
  streamId?: string;
  additionalData: Record<string, unknown>;
  patientDetails?: Record<string, unknown>;
  userStatus?: string;
  processingStatus?: string;
  files: StoredAudioFile[];
  audioFilesSent?: number;
  /** Stream sessions with the resume extension: the PCM bytes the client said it streamed, from the end body. */
  streamBytesSent?: number;
  /** The PCM bytes the stream log held at the end, recorded beside `streamBytesSent`. */
  streamBytesStored?: number;
  endedAt?: number;
  completedAt?: number;
  expiredAt?: number;
  transcript?: string;
  languageDetected?: string;
  audioFilesProcessed?: number;
  /** Absent until processing first starts. */
  results?: TemplateEntry[];
  processingErrors: ProcessingErrorEntry[];
  error?: { code: string; message: string };
  pendingRun?: PendingRun;
  /** Set once a completed/partial/failed/expired webhook was queued, so reprocessing never sends a second. */
  terminalEventSent: boolean;
}

/** Orders files by numeric index, then name (contract 5.6: `chunk_10` after `chunk_9`). */
export function compareFiles(a: StoredAudioFile, b: StoredAudioFile): number {
  const ai = a.index ?? Number.POSITIVE_INFINITY;
  const bi = b.index ?? Number.POSITIVE_INFINITY;
  if (ai !== bi) return ai < bi ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
