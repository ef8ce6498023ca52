import { ScribeClient, type SessionResult } from '@scribe/node';

/** Options of `runMainJob`. */
export interface MainJobOptions {
  /** The scribe service; for the local server its URL serves both auth and the API. */
  baseUrl: string;
  /** Development account of the local server. */
  clientId?: string;
  clientSecret?: string;
  /** Default: the clinical notes and the EMR record. */
  templates?: readonly string[];
  /** Default `en`. */
  languageHint?: string;
  /** Progress lines ("session created", "3 chunks uploaded", status changes). Default: none. */
  log?: (line: string) => void;
}

/** The templates the main job asks for (at most two besides the transcript, contract 9.3). */
export const MAIN_JOB_TEMPLATES = ['clinical_notes_template', 'eka_emr_template'] as const;

/**
 * The seed's round trip with @scribe/node: create a session, upload an audio file (decoded locally, cut at pauses
 * by Silero speech detection, sent as WAV chunks; the last upload ends the session), then wait for the results.
 */
export async function runMainJob(audioPath: string, options: MainJobOptions): Promise<SessionResult> {
  const log = options.log ?? (() => {});
  await using client = new ScribeClient({
    baseUrl: options.baseUrl,
    authBaseUrl: options.baseUrl,
    clientId: options.clientId ?? 'local-dev-client',
    clientSecret: options.clientSecret ?? 'local-dev-secret',
    dotEnv: false,
  });
  const session = await client.createSession({
    templates: options.templates ?? MAIN_JOB_TEMPLATES,
    sessionMode: 'consultation',
    languageHint: options.languageHint ?? 'en',
  });
  log(`session ${session.sessionId} created`);
  const { acknowledged: chunks } = await client.uploadAudioFile(session.sessionId, audioPath, {
    onProgress: (event) => {
      if (event.type === 'chunk-uploaded') log(`  uploaded ${event.fileName}`);
    },
  });
  log(`${chunks} speech chunks uploaded; session ended, waiting for the notes...`);
  let last = '';
  return await client.waitForResults(session.sessionId, {
    onUpdate: (update) => {
      if (update.status !== last) log(`  status: ${(last = update.status)}`);
    },
  });
}
