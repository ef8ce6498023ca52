import type { ExtractInput, TemplateOutcome } from '../../engine.js';
import { EXTRACTOR_TEMPLATES, failedOutcome, type Extractor } from '../extractor.js';
import { createClinicalMatcher } from './clinical-matcher.js';
import { extractEmr, hasClinicalContent } from './extract-emr.js';
import { createClinicalTextReader } from './read-clinical-text.js';
import { structureTranscript } from './structure-transcript.js';
import { writeSoapNote } from './write-soap-note.js';

/** The message of a template that cannot be written because the transcript is empty. */
export const EMPTY_TRANSCRIPT_MESSAGE = 'The transcript is empty: no speech was recognised, so there is nothing to extract.';

/**
 * The offline extractor: wink-nlp reads the transcript, a cited lexicon (lexicon/) finds medicines, conditions,
 * symptoms and tests, and rules read doses, frequencies, durations, vitals, negation and advice around them. Nothing
 * is written that the transcript does not say. English only.
 */
export function createRuleBasedExtractor(): Extractor {
  // Building wink's model takes a moment: do it on first use, once per extractor.
  let tools: { read: ReturnType<typeof createClinicalTextReader>; match: ReturnType<typeof createClinicalMatcher> } | undefined;
  return {
    name: 'rules',
    templates: EXTRACTOR_TEMPLATES,
    async extract(input: ExtractInput): Promise<TemplateOutcome> {
      if (!input.transcript.trim()) return failedOutcome('insufficient_audio', EMPTY_TRANSCRIPT_MESSAGE);
      if (!/^en\b/i.test(input.language)) {
        return failedOutcome('extraction_failed', `The rule-based extractor reads English only, and the transcript is "${input.language}". Use --extractor openai-compatible with a multilingual model.`);
      }
      tools ??= { read: createClinicalTextReader(), match: createClinicalMatcher() };
      const text = tools.read(input.transcript);
      if (input.templateId === 'transcript_template') return { status: 'success', data: structureTranscript(input.transcript, text) };
      const emr = extractEmr(text, tools.match);
      if (!hasClinicalContent(emr)) {
        return failedOutcome('extraction_failed', 'No clinical content was found in the transcript (no symptoms, medicines, vitals, diagnoses, tests or follow-up), so no note was written.');
      }
      switch (input.templateId) {
        case 'eka_emr_template':
          return { status: 'success', data: emr };
        case 'clinical_notes_template':
        case 'soap':
          return { status: 'success', data: writeSoapNote(emr) };
        case 'medications':
          return { status: 'success', data: { medications: emr.medications } };
        case 'vitals':
          return { status: 'success', data: { vitals: emr.vitals } };
        default:
          return failedOutcome('template_not_found', `The rule-based extractor does not fill ${input.templateId}.`);
      }
    },
  };
}
