import * as z from 'zod';

/** One turn of the conversation: an utterance as the recogniser cut it, or a labelled line of a typed transcript. */
export const transcriptTurnSchema = /* @__PURE__ */ z.looseObject({
  /** `doctor`, `patient` or another label when the transcript carried one (`Doctor: ...`); null when unknown. */
  speaker: z.string().nullable(),
  /** The turn's words as transcribed. */
  text: z.string(),
  /** The turn split into sentences, each capitalised and closed with a full stop when it had no punctuation. */
  sentences: z.array(z.string()),
});

/** Data of `transcript_template`: the transcript, lightly structured into turns and sentences. */
export const transcriptTemplateSchema = /* @__PURE__ */ z.looseObject({
  /** The transcript exactly as recognised (the session's top-level `transcript`). */
  transcript: z.string(),
  turns: z.array(transcriptTurnSchema),
  /** Distinct speaker labels in order of appearance; empty when the transcript carried none. */
  speakers: z.array(z.string()),
  word_count: z.number().int().nonnegative(),
});

/** One turn of `transcript_template`. */
export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;
/** Data of `transcript_template`. */
export type TranscriptTemplate = z.infer<typeof transcriptTemplateSchema>;
