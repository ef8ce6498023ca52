import type { EkaEmrTemplate, EmrFollowUp } from '@scribe/core/templates';
import type { ClinicalKind } from './clinical-matcher.js';
import { findAdvice } from './find-advice.js';
import { findFindings } from './find-findings.js';
import { findFollowUp } from './find-follow-up.js';
import { findMedications } from './find-medications.js';
import { findVitals } from './find-vitals.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import type { ClinicalText } from './read-clinical-text.js';
import { readSentenceContext } from './sentence-context.js';

/** Extracts the `eka_emr_template` fields from a read transcript, sentence by sentence, then merges repeats. */
export function extractEmr(text: ClinicalText, matcher: PhraseMatcher<ClinicalKind>): EkaEmrTemplate {
  const emr: EkaEmrTemplate = { symptoms: [], absent_symptoms: [], medications: [], vitals: [], diagnoses: [], investigations: [], advice: [], follow_up: null };
  const followUps: EmrFollowUp[] = [];
  for (const sentence of text.sentences) {
    const matches = matcher(sentence.normal);
    const context = readSentenceContext(sentence.normal);
    const findings = findFindings(sentence, matches, context);
    emr.symptoms.push(...findings.symptoms);
    emr.absent_symptoms.push(...findings.absentSymptoms);
    emr.diagnoses.push(...findings.diagnoses);
    emr.investigations.push(...findings.investigations);
    emr.medications.push(...findMedications(sentence, matches, context));
    emr.vitals.push(...findVitals(sentence));
    emr.advice.push(...findAdvice(sentence, matches, context));
    const followUp = findFollowUp(sentence, context);
    if (followUp) followUps.push(followUp);
  }
  return {
    symptoms: mergeByName(emr.symptoms),
    // A symptom affirmed anywhere is not also listed as absent.
    absent_symptoms: mergeByName(emr.absent_symptoms).filter((absent) => !emr.symptoms.some((symptom) => symptom.name === absent.name)),
    medications: mergeByName(emr.medications),
    vitals: mergeByName(emr.vitals),
    diagnoses: mergeByName(emr.diagnoses),
    investigations: mergeByName(emr.investigations),
    advice: [...new Set(emr.advice)],
    follow_up: followUps.find((followUp) => followUp.interval !== null) ?? followUps[0] ?? null,
  };
}

/** Keeps the first item of each name, filling its empty (null) fields from later mentions of the same name. */
function mergeByName<Item extends { name: string }>(items: readonly Item[]): Item[] {
  const merged = new Map<string, Item>();
  for (const item of items) {
    const first = merged.get(item.name);
    if (!first) {
      merged.set(item.name, { ...item });
      continue;
    }
    const filled: Record<string, unknown> = first;
    for (const [key, value] of Object.entries(item)) {
      if (filled[key] === null && value !== null) filled[key] = value;
    }
  }
  return [...merged.values()];
}

/** True when the EMR holds anything clinical; advice alone is not enough to write a note from. */
export function hasClinicalContent(emr: EkaEmrTemplate): boolean {
  return (
    emr.symptoms.length + emr.absent_symptoms.length + emr.medications.length + emr.vitals.length + emr.diagnoses.length + emr.investigations.length > 0 ||
    emr.follow_up !== null
  );
}
