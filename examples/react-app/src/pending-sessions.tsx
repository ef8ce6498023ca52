import { useScribeResult, type PendingSession, type ResumedPendingSession, type UseScribeReturn } from '@scribe/react';
import { useState } from 'react';

import { NoteView } from './note-view';

/** Props of `PendingSessions`. */
export interface PendingSessionsProps {
  /** Unfinished sessions the browser's durable queue holds (a reload or a crash mid-recording). */
  pending: readonly PendingSession[];
  /** The hook's `resumePending`. */
  resumePending: UseScribeReturn['resumePending'];
}

/**
 * The banner for consultations a reload (or a crash, or a closed tab) left unfinished: their speech chunks are still in
 * this browser. "Resume" uploads them, ends each session, and the notes of the ended ones appear below it.
 */
export function PendingSessions({ pending, resumePending }: PendingSessionsProps) {
  const [resuming, setResuming] = useState(false);
  const [resumed, setResumed] = useState<readonly ResumedPendingSession[]>([]);
  const resume = async () => {
    setResuming(true);
    const outcomes = await resumePending();
    setResumed((earlier) => [...earlier, ...outcomes]);
    setResuming(false);
  };
  return (
    <>
      {pending.length > 0 && (
        <section className="banner" role="region" aria-label="unfinished consultations">
          <p>
            {pending.length === 1 ? `One consultation${startedAt(pending[0]!)} was not finished` : `${pending.length} consultations were not finished`}
            {`: the page was closed or reloaded while recording. ${pending.length === 1 ? 'Its audio is' : 'Their audio is'} saved in this browser.`}
          </p>
          <button type="button" className="primary resume" disabled={resuming} onClick={() => void resume()}>
            {resuming ? 'Sending…' : 'Resume'}
          </button>
        </section>
      )}
      {resumed.map((outcome, position) =>
        outcome.outcome === 'ended' ? (
          <ResumedNote key={`${position} ${outcome.sessionId}`} sessionId={outcome.sessionId} />
        ) : outcome.outcome === 'empty' ? null : (
          <p key={`${position} ${outcome.sessionId}`} className="error" role="alert">
            {outcomeText(outcome)}
          </p>
        ),
      )}
    </>
  );
}

/** The note of a session finished by "Resume", read with `useScribeResult` (polled until final). */
function ResumedNote({ sessionId }: { sessionId: string }) {
  const { status, result, error } = useScribeResult(sessionId);
  return (
    <section className="resumed" aria-label="resumed consultation" data-status={status}>
      {status === 'loading' && <p className="hint">Writing the note of the resumed consultation…</p>}
      {error && <p className="error" role="alert">{error.message}</p>}
      {result && <NoteView result={result} title="Resumed consultation" />}
    </section>
  );
}

/** " (started at 10:42)" when the queue knows when. */
function startedAt(session: PendingSession): string {
  return session.createdAt === undefined ? '' : ` (started at ${new Date(session.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })})`;
}

/** Why a session was not ended: still held by a recording (another tab), or the service refused it. */
function outcomeText(outcome: ResumedPendingSession): string {
  if (outcome.outcome === 'busy') return 'An unfinished consultation is still being recorded in another tab; it was left alone.';
  const reason = outcome.error instanceof Error ? `: ${outcome.error.message}` : '';
  return `An unfinished consultation could not be sent (${outcome.outcome})${reason}.`;
}
