import { type EkaEmrTemplate, emptyEkaEmr, parseTemplateData } from '@scribe/core/templates';
import type { Extractor } from '@scribe/server';
import { countQuestionFindings } from './count-question-findings';
import { dialogueTurns, shapeDialogue, type InputShape, type NoteDialogue } from './dialogue-dataset';
import { goldOf, readNoteConcepts, SECTION_FIELDS, type DialogueGold } from './dialogue-gold';

/** Counts behind one field's precision and recall. */
export interface FieldCount {
  /** Extracted items whose concept the section states. */
  correct: number;
  /** Items extracted on the dialogues that are scored for precision. */
  extracted: number;
  /** Gold concepts found by the extractor. */
  found: number;
  /** Gold concepts. */
  expected: number;
  /**
   * Gold concepts whose words occur in the dialogue itself (read like a note, any polarity): the ones an extractor
   * that records only what is said can find. The rest the clinician inferred, examined or wrote in other words.
   */
  said: number;
  /** Of `said`, the ones found. */
  foundSaid: number;
}

/** The fields scored by precision and recall. */
export const DIALOGUE_FIELDS = ['complaints', 'denied', 'medications', 'diagnoses'] as const;

/** One scored field. */
export type DialogueField = (typeof DIALOGUE_FIELDS)[number];

/** The extractor's scores on one split in one input shape. */
export interface DialogueScore {
  shape: InputShape;
  dialogues: number;
  fields: Record<DialogueField, FieldCount>;
  /** Allergens (ALLERGY sections) listed as medications, of all allergens. */
  allergenLeaks: { leaked: number; allergens: number };
  /**
   * Relatives' conditions (FAM/SOCHX) listed as the patient's symptoms or diagnoses, of all such conditions; a condition
   * the section also gives the patient counts in neither.
   */
  familyLeaks: { leaked: number; conditions: number };
  /**
   * Present and denied findings whose concept the section mentions at all (`judged`), and of those the ones it states
   * the other way (`contradicted`): a present finding the note denies, or a denial of what the note says is present.
   * Unlike precision, a finding the note leaves out counts for nothing here.
   */
  polarity: { contradicted: number; judged: number };
  /** Findings whose term is said only in a doctor's question that the patient did not affirm (count-question-findings.ts). */
  questionFindings: number;
  /** Mean extraction time per dialogue. */
  msPerDialogue: number;
}

// Sections that state only the main complaint: their other present findings are not wrong, so they give recall only.
const RECALL_ONLY = new Set(['CC']);

/** Precision (1 when nothing was extracted), recall (1 when nothing was expected) and recall of the concepts said. */
export function ratios(count: FieldCount): { precision: number; recall: number; recallOfSaid: number } {
  return {
    precision: count.extracted ? count.correct / count.extracted : 1,
    recall: count.expected ? count.found / count.expected : 1,
    recallOfSaid: count.said ? count.foundSaid / count.said : 1,
  };
}

/** A score with nothing counted yet. */
export function emptyDialogueScore(shape: InputShape): DialogueScore {
  const empty = (): FieldCount => ({ correct: 0, extracted: 0, found: 0, expected: 0, said: 0, foundSaid: 0 });
  return {
    shape,
    dialogues: 0,
    fields: { complaints: empty(), denied: empty(), medications: empty(), diagnoses: empty() },
    allergenLeaks: { leaked: 0, allergens: 0 },
    familyLeaks: { leaked: 0, conditions: 0 },
    polarity: { contradicted: 0, judged: 0 },
    questionFindings: 0,
    msPerDialogue: 0,
  };
}

/** Runs the extractor on every dialogue in one shape and scores it against the note sections. */
export async function scoreDialogues(extractor: Extractor, dialogues: readonly NoteDialogue[], shape: InputShape, now: () => number = performance.now.bind(performance)): Promise<DialogueScore> {
  const score = emptyDialogueScore(shape);
  let elapsed = 0;
  for (const dialogue of dialogues) {
    if (!SECTION_FIELDS[dialogue.section]) continue;
    const transcript = shapeDialogue(dialogue.dialogue, shape);
    const started = now();
    const emr = await extractEmr(extractor, transcript);
    elapsed += now() - started;
    addDialogueScore(score, dialogue, emr);
  }
  score.msPerDialogue = score.dialogues ? elapsed / score.dialogues : 0;
  return score;
}

/**
 * Adds one dialogue's EMR, however it was made (the extractor on text, or the whole main job on audio), to a score
 * against the dialogue's note section; question findings are looked for in the dialogue shaped as `score.shape`.
 * A dialogue whose section is not scored adds nothing.
 */
export function addDialogueScore(score: DialogueScore, dialogue: NoteDialogue, emr: EkaEmrTemplate): void {
  const fields = SECTION_FIELDS[dialogue.section];
  if (!fields) return;
  score.dialogues += 1;
  const gold = goldOf(dialogue.section, dialogue.sectionText);
  const symptoms = names(emr.symptoms);
  const spoken = new Set(readNoteConcepts(dialogueTurns(dialogue.dialogue).map((turn) => turn.text).join('\n')).map((concept) => concept.name));
  const tally = (field: DialogueField, extracted: string[], expected: string[], recallWith = extracted) => {
    const count = score.fields[field];
    count.expected += expected.length;
    count.found += expected.filter((name) => recallWith.includes(name)).length;
    const said = expected.filter((name) => spoken.has(name));
    count.said += said.length;
    count.foundSaid += said.filter((name) => recallWith.includes(name)).length;
    if (field === 'complaints' && RECALL_ONLY.has(dialogue.section)) return;
    count.extracted += extracted.length;
    count.correct += extracted.filter((name) => expected.includes(name)).length;
  };
  if (fields.includes('complaints')) tally('complaints', symptoms, gold.complaints, [...symptoms, ...names(emr.diagnoses)]);
  if (fields.includes('denied')) {
    tally('denied', names(emr.absent_symptoms), gold.denied);
    const judgedPresent = symptoms.filter((name) => gold.complaints.includes(name) || gold.denied.includes(name));
    const judgedDenied = names(emr.absent_symptoms).filter((name) => gold.complaints.includes(name) || gold.denied.includes(name));
    score.polarity.judged += judgedPresent.length + judgedDenied.length;
    score.polarity.contradicted += judgedPresent.filter((name) => gold.denied.includes(name)).length + judgedDenied.filter((name) => gold.complaints.includes(name)).length;
  }
  if (fields.includes('medications')) tally('medications', names(emr.medications), gold.medications);
  if (fields.includes('diagnoses')) tally('diagnoses', names(emr.diagnoses), gold.diagnoses);
  if (fields.includes('allergies')) {
    score.allergenLeaks.allergens += gold.allergies.length;
    score.allergenLeaks.leaked += gold.allergies.filter((name) => names(emr.medications).includes(name)).length;
  }
  if (fields.includes('familyConditions')) {
    score.familyLeaks.conditions += relativesConditions(dialogue.sectionText, gold).length;
    score.familyLeaks.leaked += leakedFamilyConditions(dialogue.sectionText, gold, emr).length;
  }
  score.questionFindings += countQuestionFindings(dialogue.dialogue, score.shape, emr);
}

/**
 * The relatives' conditions of a FAM/SOCHX section that the EMR lists as the patient's symptoms or diagnoses. A
 * condition the section also gives the patient ("The patient has a history of depression", "She was recently treated
 * for sinusitis") is the patient's too, and recording it is no leak (see `patientConditions`).
 */
export function leakedFamilyConditions(section: string, gold: DialogueGold, emr: EkaEmrTemplate): string[] {
  const patients = [...names(emr.symptoms), ...names(emr.diagnoses)];
  return relativesConditions(section, gold).filter((name) => patients.includes(name));
}

/** The conditions of a FAM/SOCHX section that are relatives' only, not also the patient's. */
export function relativesConditions(section: string, gold: DialogueGold): string[] {
  const own = patientConditions(section);
  return gold.familyConditions.filter((name) => !own.has(name));
}

const NOTE_RELATIVE = /\b(?:family|relatives?|(?:grand|step|half-?\s?)?(?:mother|father|mom|mum|dad|brothers?|sisters?|parents?|siblings?|sons?|daughters?|child|children|kids|uncles?|aunts?|cousins?|nephews?|nieces?|grandmother|grandfather|grandparents?|husband|wife|spouse|partner|twins?)|maternal|paternal|MGF|MGM|PGF|PGM)\b/i;
const NOTE_PATIENT = /\b(?:the patient|patient|pt)\b/i;
const NOTE_PRONOUN = /^\s*(?:\w+\s+){0,2}?(?:he|she)\b/i;

/**
 * The conditions a FAM/SOCHX section gives the patient: those of its sentences that name no relative and speak of the
 * patient, by name or by "he"/"she" when the sentence just before did not name a relative ("His father died of
 * heart disease. He also had diabetes." speaks of the father).
 */
export function patientConditions(section: string): Set<string> {
  const own = new Set<string>();
  let lastNamedRelative = false;
  for (const sentence of section.split(/(?<=[.;])\s+|\n+/)) {
    const relative = NOTE_RELATIVE.test(sentence);
    const patient = !relative && (NOTE_PATIENT.test(sentence) || (NOTE_PRONOUN.test(sentence) && !lastNamedRelative));
    if (patient) for (const concept of readNoteConcepts(sentence)) if (!concept.denied && concept.kind !== 'medicine') own.add(concept.name);
    lastNamedRelative = relative;
  }
  return own;
}

/** The extractor's `eka_emr_template` for a transcript; an empty one when it wrote none (scored as every concept missed). */
export async function extractEmr(extractor: Extractor, transcript: string): Promise<EkaEmrTemplate> {
  const outcome = await extractor.extract({ sessionId: 'mts', templateId: 'eka_emr_template', transcript, language: 'en', model: 'lite', sessionMode: 'consultation' }, new AbortController().signal);
  const parsed = parseTemplateData('eka_emr_template', outcome.status === 'success' ? outcome.data : undefined);
  return parsed.success ? parsed.data : emptyEkaEmr();
}

/** The distinct names of extracted items. */
export function names(items: readonly { name: string }[]): string[] {
  return [...new Set(items.map((item) => item.name))];
}
