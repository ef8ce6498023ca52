import type { SessionResult, SessionStatus } from '@scribe/core';
import type { KnownTemplateId, TemplateData } from '@scribe/core/templates';

/**
 * The data of each template document that succeeded, by template id: typed for the three built-in templates
 * (`transcript_template`, `clinical_notes_template`, `eka_emr_template`) as the reference server fills them, `unknown`
 * for others. Not validated: use core's `parseTemplateData` where a wrong shape must be caught.
 */
export type ScribeNotes = { readonly [Id in KnownTemplateId]?: TemplateData<Id> } & { readonly [templateId: string]: unknown };

/** A session's result as the hooks give it: the transcript, the notes by template, and core's full `SessionResult`. */
export interface ScribeResult {
  /** The session id. */
  readonly sessionId: string;
  /** The service's status of the session (`processing` until final; then `completed`, `partial`, `failed`, `expired`). */
  readonly status: SessionStatus;
  /** The top-level transcript, when there is one. */
  readonly transcript: string | undefined;
  /** The first successful document of each template, by id. */
  readonly notes: ScribeNotes;
  /** Everything the service said, as core parsed it (template errors, processing errors, timestamps, raw body). */
  readonly session: SessionResult;
}

// One view per SessionResult, so a snapshot that did not change hands React the same object.
const views = new WeakMap<SessionResult, ScribeResult>();

/** The hooks' view of a core `SessionResult` (cached: the same input gives the same object). */
export function toScribeResult(session: SessionResult): ScribeResult {
  let view = views.get(session);
  if (!view) {
    const notes: Record<string, unknown> = {};
    for (const document of session.templates) {
      for (const [id, entry] of Object.entries(document)) if (entry.status === 'success' && !(id in notes)) notes[id] = entry.data;
    }
    view = Object.freeze({ sessionId: session.sessionId, status: session.status, transcript: session.transcript, notes: Object.freeze(notes) as ScribeNotes, session });
    views.set(session, view);
  }
  return view;
}
