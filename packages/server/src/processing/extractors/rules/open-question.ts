import type { ClinicalMatch } from './clinical-matcher.js';
import { findFindings, namesSpecimen, type SentenceFindings } from './find-findings.js';
import { asksHowLong, endsWithTag, findQuestionCues } from './find-question.js';
import { asksDose, takesForGranted } from './presupposing-question.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import type { SentenceContext } from './sentence-context.js';

// What a turn asks and what it takes for granted, kept open until the next turn answers it (pair-answers.ts).

/** Words that make a question about a quality of the finding (see `OpenQuestion.qualified`). */
export const QUALIFYING = /(?<=^| )(?:first time|worse|better|related|associated|due to|caused|cause|causing|help|helped|helping|changed|improved|improving|bother|bothering)(?= |$)/;
// "shortness of breath, wheezing or other related symptoms?", "any brain related condition?", "cancer, chemotherapy or
// anything related?": more findings asked about, not a quality of one.
const OTHER_SYMPTOMS = /(?<=^| )(?:(?:(?:other|any) )?(?:related|associated) (?:symptoms?|problems?|issues?|complaints?|conditions?|diseases?|illness|illnesses)|anything (?:related|associated))(?= |$| \?)/g;

// A circumstance said straight after the asked term that makes it another finding (paroxysmal nocturnal dyspnoea,
// orthopnoea): "that wakes you up", "while lying down"; "at night" is left out, as a note writes "no nocturnal cough".
const RESTRICTED_AFTER = /^ (?:(?:that|which) (?:wakes|woke|wake|keeps|kept) (?:you|him|her)|(?:(?:while|when) (?:you are |you )?)?(?:lying|lie|laying|lay) (?:down|flat))(?= |$)/;

const LIKE_THAT_BEFORE = /(?:^| )(?:anything|something|nothing) (?:like|of) that (?:sort )?$/;

// A finding said as a body part and what it does ("heart is beating very fast", "heart racing", "nose bleeding").
const PREDICATED = /^[a-z]+ (?:(?:is|are|was|were|keeps|kept|has been|been)(?= )|(?:racing|pounding|beating|fluttering|bleeding|hurting|aching|throbbing|itching|ringing)(?= |$))/;

// "could this be acid reflux", "do you think it might be a migraine": a diagnosis wondered about, a few words after
// the "be" ("it could be, we are still waiting ... do you have a history of glaucoma" asks).
const SPECULATING = /(?<=^| )(?:(?:could|might|may|can) (?:this|it|that|these|those)|(?:this|it|that|these|those) (?:could|might|may)) be (?:[^ ]+ ){0,3}$/;

/** What a turn asked, waiting for the next turn to answer it. */
export interface OpenQuestion {
  speaker: string | null;
  /** Terms in the asking part, not negated, hypothetical or explanatory there. */
  asked: ClinicalMatch[];
  /** For each asked term, which of the turn's questions asked it (0, 1, ... in order). */
  askedIn: number[];
  /** For each of the turn's questions, whether it asks yes or no ("do you bleed easily") or for a fact ("how long"). */
  yesNo: boolean[];
  /** Terms asked about in the negative ("no chest pain, right?"): a plain answer of either kind denies them. */
  negatedAsked: ClinicalMatch[];
  /**
   * Terms asked in a circumstance ("shortness of breath that wakes you at night", "breathlessness while lying
   * down"): "no" denies the finding in that circumstance, which the lexicon does not name, not the finding itself.
   */
  restricted: ClinicalMatch[];
  /** The asking sentence, as said. */
  text: string;
  /** "how long", "since when": a bare amount in the answer is a duration. */
  howLong: boolean;
  /** Asks about relatives ("anyone in your family"): the answer's terms are family history. */
  aboutOthers: boolean;
  /**
   * Asks about a quality of the finding rather than whether it is there ("is it getting worse?", "was this the first
   * time?", "is it related to the fall?"): "no" then denies nothing.
   */
  qualified: boolean;
  /**
   * Terms asked (or asked in the negative) in a question of the turn that asks about a quality ("is the headache due to the fall? any vomiting?"
   * / "no" denies the vomiting only): the quality reading is scoped to the question it is in.
   */
  qualifiedAsked: ClinicalMatch[];
  /** Asks about allergies: a medicine in it is an allergen, not a medication. */
  aboutAllergy: boolean;
  /**
   * Offers a statement for confirmation with a tag ("you had asthma, correct?"): it stands unless the answer says
   * no, so an answer that is neither ("if it is on there, it is true") confirms it.
   */
  confirming: boolean;
  /** The terms of the sentences that end with a tag: they stand unless the answer says no, whichever question it answers. */
  tagged: ClinicalMatch[];
  /**
   * What the question takes for granted ("how long have you had this cough", "how is your asthma"): findings that
   * stand whatever the answer, recorded once the answer is known so that it is part of their evidence.
   */
  presumed: SentenceFindings;
  /** Medicines asked about by dose or frequency ("how much lexapro are you taking"): any answer but "no" says taken. */
  dosed: ClinicalMatch[];
  /**
   * Medicines the question takes for granted as the patient's ("is the lisinopril helping?", "when did you start the
   * spironolactone?"): taken unless the answer says they are not ("i stopped it", "i am not on that").
   */
  grantedMedicines: ClinicalMatch[];
  /** The terms behind `presumed`, so that an answer naming them negated ("no more diarrhoea") can withdraw them. */
  presumedTerms: ClinicalMatch[];
}

/**
 * True when `turn` can answer `question`: with speaker labels, another speaker than the asker and a doctor (or
 * clinician) asking; without labels, any next turn that does not open with a question of its own.
 */
export function answers(question: OpenQuestion, speaker: string | null, opensWithQuestion: boolean): boolean {
  if (question.speaker !== null && speaker !== null) return speaker !== question.speaker && !/patient/.test(question.speaker);
  return !opensWithQuestion;
}

/**
 * The question a sentence asks (its terms in the asking part, not negated or hypothetical there), merged with the
 * question earlier sentences of the same turn asked.
 */
export function openQuestion(previous: OpenQuestion | null, sentence: ClinicalSentence, matches: readonly ClinicalMatch[], context: SentenceContext): OpenQuestion {
  const inQuestion = matches.filter((match) => context.asked(match.start));
  // "or is your heart racing?": the determiner belongs to the body part of a finding said as a clause, which the
  // question asks about rather than takes for granted.
  // "any nausea anything like that vomiting or headaches": run together by a recogniser, the "that" closing "anything
  // like that" is no determiner of the next finding, which is asked like the rest of the list.
  const presupposed = (match: ClinicalMatch) => ((context.presupposed(match.start) && !PREDICATED.test(match.text)) || takesForGranted(sentence.normal, match.start, match.end, 'finding')) && !LIKE_THAT_BEFORE.test(sentence.normal.slice(0, match.start));
  // A medicine is taken for granted only by a question about it rather than about whether it is taken ("is the
  // lisinopril helping?", not "are you still taking the lisinopril?"), and not when asked its dose (see `dosed`).
  const granted = inQuestion.filter(
    (match) =>
      match.kind === 'medicine' &&
      !context.negated(match.start) &&
      !context.hypothetical(match.start) &&
      !context.otherPerson(match.start) &&
      !asksDose(sentence.normal.slice(0, match.start)) &&
      takesForGranted(sentence.normal, match.start, match.end, 'medicine'),
  );
  // "any blood in your vomit?" asks about the blood, not the vomiting; "could this be acid reflux?" / "no" rules a
  // diagnosis out rather than denying it.
  const speculated = (match: ClinicalMatch) => match.kind === 'condition' && SPECULATING.test(sentence.normal.slice(0, match.start));
  // "does coughing make the chest pain worse?", "when you cough, does it hurt?": the circumstance of another finding is
  // neither asked nor said; the question is about the relation.
  const circumstance = (match: ClinicalMatch) => CIRCUMSTANCE_BEFORE.test(sentence.normal.slice(0, match.start)) || (CAUSE_SUBJECT.test(sentence.normal.slice(0, match.start)) && CAUSING_AFTER.test(sentence.normal.slice(match.end)));
  const asked = inQuestion.filter((match) => (match.kind === 'medicine' ? !granted.includes(match) : !presupposed(match)) && !context.negated(match.start) && !context.hypothetical(match.start) && !namesSpecimen(sentence.normal.slice(0, match.start)) && !speculated(match) && !circumstance(match));
  // "no fever or chills, right?": a negated question expects agreement; any plain answer confirms the denial.
  const confirm = inQuestion.filter((match) => context.negated(match.start) && (match.kind === 'symptom' || match.kind === 'condition'));
  // Read as said outside a question, what "your asthma", "this cough" presuppose.
  const presumedTerms = inQuestion.filter((match) => presupposed(match) && match.kind !== 'medicine');
  const presumed = findFindings(sentence, presumedTerms, { ...context, asked: () => false });
  const normal = sentence.normal;
  const before = previous?.presumed;
  // Each question cue of the sentence opens the next question of the turn.
  const cues = findQuestionCues(normal);
  const base = previous?.yesNo.length ?? 0;
  const questionOf = (match: ClinicalMatch) => Math.max(0, cues.filter((cue) => cue.start <= match.start).length - 1);
  const askedIn = asked.map((match) => base + questionOf(match));
  // Each question of the sentence is read for a quality on its own words: "due to" in one does not stop a "no" from
  // denying what another asks ("is the headache due to the fall, any vomiting").
  const qualifying = qualifyingQuestions(normal, cues, asked, firstAsked(context, normal));
  return {
    speaker: sentence.speaker,
    asked: [...(previous?.asked ?? []), ...asked],
    askedIn: [...(previous?.askedIn ?? []), ...askedIn],
    yesNo: [...(previous?.yesNo ?? []), ...(cues.length ? cues.map((cue) => cue.yesNo) : [true])],
    presumedTerms: [...(previous?.presumedTerms ?? []), ...presumedTerms],
    dosed: [...(previous?.dosed ?? []), ...asked.filter((match) => match.kind === 'medicine' && asksDose(normal.slice(0, match.start)))],
    grantedMedicines: [...(previous?.grantedMedicines ?? []), ...granted],
    negatedAsked: [...(previous?.negatedAsked ?? []), ...confirm],
    restricted: [...(previous?.restricted ?? []), ...asked.filter((match) => RESTRICTED_AFTER.test(normal.slice(match.end)))],
    text: previous ? `${previous.text} ${sentence.raw}` : sentence.raw,
    howLong: (previous?.howLong ?? false) || asksHowLong(normal),
    aboutOthers: (previous?.aboutOthers ?? false) || (context.otherPerson(normal.length) && context.asked(normal.length)),
    // The last question of the turn decides for the terms it does not ask itself ("any vomiting? is it getting worse?"
    // / "no" denies nothing); earlier ones only for their own terms.
    qualified: qualifying[qualifying.length - 1] ?? false,
    qualifiedAsked: [...(previous?.qualifiedAsked ?? []), ...[...asked, ...confirm].filter((match) => qualifying[questionOf(match)])],
    // "what are you taking for allergies?" asks for a medicine taken for them, not for an allergen.
    aboutAllergy: (previous?.aboutAllergy ?? false) || /(?<=^| )(?<!for (?:your |the |my |these |those |seasonal )?)(?:allergic|allergy|allergies|reaction)(?= |$)/.test(normal),
    confirming: endsWithTag(normal),
    tagged: [...(previous?.tagged ?? []), ...(endsWithTag(normal) ? asked : [])],
    presumed: {
      symptoms: [...(before?.symptoms ?? []), ...presumed.symptoms],
      absentSymptoms: [],
      diagnoses: [...(before?.diagnoses ?? []), ...presumed.diagnoses],
      investigations: [...(before?.investigations ?? []), ...presumed.investigations],
    },
  };
}

// Whether each question of a sentence (from one cue to the next, the first from where the asking starts) asks about a
// quality; "associated with" or "related to" straight after an asked term asks whether it comes with another finding
// ("any nausea associated with the headaches?"), not about a quality.
function qualifyingQuestions(normal: string, cues: readonly { start: number }[], asked: readonly ClinicalMatch[], from: number): boolean[] {
  let read = normal;
  for (const match of asked) {
    const accompanying = ACCOMPANYING.exec(normal.slice(match.end));
    if (accompanying) read = `${read.slice(0, match.end)}${' '.repeat(accompanying[0].length)}${read.slice(match.end + accompanying[0].length)}`;
  }
  const starts = cues.length ? cues.map((cue, index) => (index === 0 ? from : cue.start)) : [from];
  return starts.map((start, index) => QUALIFYING.test(read.slice(start, starts[index + 1] ?? read.length).replace(/ +/g, ' ').replace(OTHER_SYMPTOMS, '')));
}

const ACCOMPANYING = /^ (?:associated with|related to|that goes with|that comes with|along with)(?= )/;
// A finding named as the circumstance of the question: after "when you" ("when you cough, does it hurt"), or as the
// subject of a verb that makes another finding worse or better ("does coughing make the chest pain worse").
const CIRCUMSTANCE_BEFORE = /(?:^|[ ,])(?:when|whenever|while) (?:you|he|she) (?:(?:are|were|do|have|get|start) )?$/;
const CAUSE_SUBJECT = /^(?:(?:okay|ok|so|and|um|uh|right|now|alright|,) )*(?:does|did|do|would|will|can|could|is|was|has) (?:the |your |any )?$/;
const CAUSING_AFTER = /^ (?:make|makes|made|cause|causes|caused|trigger|triggers|bring on|brings on|set off|sets off|aggravate|aggravates|worsen|worsens|help|helps|relieve|relieves|ease|eases|affect|affects|change|changes)(?= )/;

// Where the asking part of a sentence starts.
function firstAsked(context: SentenceContext, normal: string): number {
  let start = 0;
  while (start < normal.length && !context.asked(start)) start += 1;
  return start;
}
