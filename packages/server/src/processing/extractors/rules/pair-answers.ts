import type { EkaEmrTemplate, EmrMedication, EmrSymptom } from '@scribe/core/templates';
import type { ClinicalMatch } from './clinical-matcher.js';
import { findBareDuration, findBareOnset, findDurations, findOnset } from './find-durations.js';
import { findFindings, namesSpecimen, type SentenceFindings } from './find-findings.js';
import { findFrequency } from './find-frequency.js';
import { findDose } from './find-medications.js';
import { asksHowLong, endsWithTag, findQuestionCues, readAnswer, type AnswerPolarity } from './find-question.js';
import { asksDose, takesForGranted } from './presupposing-question.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import { readSentenceContext, type SentenceContext } from './sentence-context.js';

/** Words that make a question about a quality of the finding (see `OpenQuestion.qualified`). */
export const QUALIFYING = /(?<=^| )(?:first time|worse|better|related|associated|due to|caused|cause|causing|help|helped|helping|changed|improved|improving|bother|bothering)(?= |$)/;
// "shortness of breath, wheezing or other related symptoms?", "any brain related condition?", "cancer, chemotherapy or
// anything related?": more findings asked about, not a quality of one.
const OTHER_SYMPTOMS = /(?<=^| )(?:(?:(?:other|any) )?(?:related|associated) (?:symptoms?|problems?|issues?|complaints?|conditions?|diseases?|illness|illnesses)|anything (?:related|associated))(?= |$| \?)/g;
const CONFIRM = /^(?:(?:um|uh|oh|well|,) )*(?:right|correct|that is right|that is correct|exactly|none|nothing)(?= |$)/;
// "i have this cough, but other than that nothing": what the answer names, and nothing else.
// "everything is fine except some chills" says the same.
const NEGATIVE_REST = /(?<=^| )(?:nothing|none|other than that|apart from that|besides that|no other|nothing else|everything (?:else )?(?:is|was|has been|seems|looks) (?:fine|okay|ok|good|normal|alright|all right) (?:except|apart from|besides|other than|but))(?= |$)/;

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

/** Records what a question nobody answered took for granted, with the question as its evidence. */
export function settleUnanswered(emr: EkaEmrTemplate, question: OpenQuestion): void {
  recordPresumed(emr, question, question.text);
}

function recordPresumed(emr: EkaEmrTemplate, question: OpenQuestion, text: string, withdrawn: readonly string[] = [], dose: Pick<EmrMedication, 'dose' | 'frequency'> = { dose: null, frequency: null }): void {
  if (question.aboutOthers) return;
  const kept = <Item extends { name: string }>(items: readonly Item[]) => items.filter((item) => !withdrawn.includes(item.name)).map((item) => ({ ...item, text }));
  emr.symptoms.push(...kept(question.presumed.symptoms));
  emr.diagnoses.push(...kept(question.presumed.diagnoses));
  emr.investigations.push(...kept(question.presumed.investigations));
  if (question.aboutAllergy) return;
  for (const match of question.grantedMedicines) {
    if (withdrawn.includes(match.entry.name)) continue;
    emr.medications.push({ name: match.entry.name, spoken_name: match.text, atc: match.entry.code ?? null, ...dose, route: null, duration: null, timing: null, text });
  }
}

// "i stopped it", "i am not on that", "i do not take it anymore", "i never started the metformin": said of a pronoun,
// of nothing, or of the medicine by name, the answer says a medicine taken for granted is not taken; "i stopped
// smoking", "i had to stop advair" (another one), "i am not on anything else" say nothing of it.
const NOT_TAKING = /(?<=^| )(?:stopped|stop|quit|discontinued|came off|come off|went off|gone off|ran out of|run out of|off(?= (?:it|that|them|those)(?: |$))|not (?:been )?(?:taking|on|using|take|use|started|start|filled|fill)|no longer (?:taking|on|using|take|use)|never (?:took|take|taken|started|used|use|filled|tried))(?: (?:taking|using))?(?= |$)/g;
const OF_IT = /^(?:(?:it|that|them|this|those|these|anymore|any more|now|right now|yet|for a while|a while|last|since|because|but|when|after|,)(?= |$)|$)/;

/** The names of the granted medicines an answer says are not taken: negated by name, or stopped ("i stopped it"). */
function deniedMedicines(question: OpenQuestion, answer: readonly ClinicalSentence[]): string[] {
  const first = answer[0]?.normal ?? '';
  const named = splitNamed(question.grantedMedicines, answer);
  const stopped = (match: ClinicalMatch) =>
    [...first.matchAll(NOT_TAKING)].some((found) => {
      const rest = first.slice(found.index + found[0].length).trim().replace(/^(?:the|my|your|that|this) /, '');
      return OF_IT.test(rest) || rest === match.text || rest.startsWith(`${match.text} `);
    });
  return question.grantedMedicines.filter((match) => (!named.affirmed.includes(match) && !named.rest.includes(match)) || stopped(match)).map((match) => match.entry.name);
}

// A circumstance said straight after the asked term that makes it another finding (paroxysmal nocturnal dyspnoea,
// orthopnoea): "that wakes you up", "while lying down"; "at night" is left out, as a note writes "no nocturnal cough".
const RESTRICTED_AFTER = /^ (?:(?:that|which) (?:wakes|woke|wake|keeps|kept) (?:you|him|her)|(?:(?:while|when) (?:you are |you )?)?(?:lying|lie|laying|lay) (?:down|flat))(?= |$)/;

const LIKE_THAT_BEFORE = /(?:^| )(?:anything|something|nothing) (?:like|of) that (?:sort )?$/;

// A finding said as a body part and what it does ("heart is beating very fast", "heart racing", "nose bleeding").
const PREDICATED = /^[a-z]+ (?:(?:is|are|was|were|keeps|kept|has been|been)(?= )|(?:racing|pounding|beating|fluttering|bleeding|hurting|aching|throbbing|itching|ringing)(?= |$))/;

// An answer that says how often ("every day", "daily") says the medicine asked about is taken.
const REGULARLY = /^(?:(?:um|uh|oh|well|,) )*(?:every (?:single )?(?:day|night|morning|evening)|each (?:day|night|morning)|daily|regularly|religiously)(?= |$)/;
// "still taking it", "i am on it", "i use them": an answer that says the medicine asked about is taken.
const TAKING_IT = /^(?:(?:um|uh|oh|well|,) )*(?:(?:i|we|i'm|we're) (?:am |are |do |still )*|still )?(?:take|takes|taking|use|uses|using|on) (?:it|them|those|that|this|these|both)(?= |$)/;

// "could this be acid reflux", "do you think it might be a migraine": a diagnosis wondered about, a few words after
// the "be" ("it could be, we are still waiting ... do you have a history of glaucoma" asks).
const SPECULATING = /(?<=^| )(?:(?:could|might|may|can) (?:this|it|that|these|those)|(?:this|it|that|these|those) (?:could|might|may)) be (?:[^ ]+ ){0,3}$/;

// A plain yes: it answers the whole question, even when the answer goes on about one of the asked terms ("do you
// take diovan, norvasc, wellbutrin?" / "yes, and the wellbutrin is an inhaler").
const PLAIN_YES = /^(?:(?:um|uh|eh|oh|well|,) )*(?:yes|yeah|yep|yup|uh huh|mm hmm|sure|definitely|absolutely|correct|right|that is right|that is correct)(?= |$)/;

// An answer about the course of what was asked ("it has been better now", "it's been pretty consistent") says it is
// there: only what one has can get better or stay the same, and only a medicine one takes can be helping.
const COURSE = /^(?:(?:um|uh|eh|oh|well|,) )*(?:it|they|that|this|these|those)(?: [a-z']+){0,4}? (?:better|worse|improving|improved|worsening|the same|consistent|constant|persistent|on and off|off and on|comes and goes|come and go|helping|helps|helped|working|works)(?= |$)/;

/**
 * Applies an answer to the question before it. What the question took for granted is recorded with the answer in its
 * evidence. "no" ("nope", "not really", "i do not") denies the asked symptoms and conditions; "yes" ("sometimes", "a
 * little", "i do", an answer about the course, "it has been better", or anything but "no" to a tag question) makes
 * them present, with a duration said in the answer. Asked terms the answer names are read from its own words ("any
 * nausea? any vision changes?" / "yeah. no vision changes." denies vision changes only); when it affirms some by name
 * without a plain "yes", the others are unsaid, or denied with "nothing else". An answer that is neither leaves them
 * unsaid. A "yes" that picks names straight after it ("yes, asthma") affirms those only; a "no" that says what it is
 * instead ("no, i have a really bad migraine", "no, it's more of a pressure") denies nothing (`matcher` finds the
 * answer's terms). A how-long question takes a duration from the answer, even a bare "six days", for the asked
 * symptom or else the last symptom without one.
 */
export function applyAnswer(emr: EkaEmrTemplate, question: OpenQuestion, answer: readonly ClinicalSentence[], matcher: (normal: string) => readonly ClinicalMatch[]): void {
  const first = answer[0];
  if (!first) return settleUnanswered(emr, question);
  const text = `${question.text} ${first.raw}`.trim();
  // "what about your diarrhoea?" / "no more diarrhoea": the answer withdraws what the question took for granted.
  const presumedNamed = splitNamed(question.presumedTerms, answer);
  const withdrawn = question.presumedTerms.filter((match) => !presumedNamed.affirmed.includes(match) && !presumedNamed.rest.includes(match));
  // The dose or how often said in the answer belongs to a medicine taken for granted ("when did you start the
  // metformin?" / "in may, five hundred mg twice a day").
  const said = readAnswer(first.normal) === 'no' ? { dose: null, frequency: null } : { dose: findDose(first.normal), frequency: findFrequency(first.normal) };
  recordPresumed(emr, question, text, [...withdrawn.map((match) => match.entry.name), ...deniedMedicines(question, answer)], said);
  if (question.aboutOthers) return;
  const { affirmed, rest: unnamed } = splitNamed(question.asked, answer);
  const named = affirmed.length + unnamed.length < question.asked.length || affirmed.length > 0;
  const polarity: AnswerPolarity = readAnswer(first.normal) ?? heardAsNo(question, first.normal) ?? allFine(question, first.normal) ?? ((COURSE.test(first.normal) && !named) || question.confirming ? 'yes' : null);
  // "any fever or cough?" / "i have this cough, but other than that nothing": the answer affirms what it names
  // (its own sentences record it) and, with "nothing else", denies the rest; without, the rest is unsaid.
  let restPolarity = polarity;
  const nothingElse = answer.some((sentence) => NEGATIVE_REST.test(sentence.normal));
  if (polarity !== 'no' && affirmed.length > 0 && nothingElse) restPolarity = 'no';
  // "headaches or migraine?" / "no headache": that "no" is said of the term after it (the answer's own sentence
  // denies it), not of the question; the other terms are unsaid unless "nothing else" follows.
  else if (polarity === 'no' && deniesByName(question, first.normal)) restPolarity = nothingElse ? 'no' : null;
  // "you have a headache?" / "no, i have a really bad migraine": the "no" corrects the name, it denies nothing.
  else if (polarity === 'no' && corrects(question, answer, matcher)) restPolarity = null;
  // "tuberculosis, asthma or copd?" / "yes, asthma": the "yes" picks the ones it names; the others are unsaid.
  else if (polarity === 'yes' && affirmed.length > 0 && (!PLAIN_YES.test(first.normal) || picks(first.normal, affirmed))) restPolarity = null;
  const rest = restPolarity === 'yes' ? lastOpenQuestion(question, unnamed, answer) : unnamed;
  const duration = answer.map((sentence) => findDurations(sentence.normal)[0]?.duration ?? null).find(Boolean) ?? findBareDuration(first.normal);
  const onset = duration ? null : answer.map((sentence) => findOnset(sentence.normal)).find(Boolean);
  if ((polarity !== null || CONFIRM.test(first.normal)) && !question.qualified) {
    for (const match of question.negatedAsked) if (!question.qualifiedAsked.includes(match)) emr.absent_symptoms.push({ name: match.entry.name, text });
  }
  if (restPolarity === 'no' && !question.qualified) {
    for (const match of rest) {
      if ((match.kind === 'symptom' || match.kind === 'condition') && !question.restricted.includes(match) && !question.qualifiedAsked.includes(match)) emr.absent_symptoms.push({ name: match.entry.name, text });
    }
  }
  const present = restPolarity === 'yes' || polarity === 'yes' ? (restPolarity === 'yes' ? [...affirmed, ...rest] : [...affirmed]) : [];
  // "you had a urine infection, right? and blood in the urine?" / "yes": the tagged statement stands too.
  const denied = restPolarity === 'no' ? rest : [];
  if (polarity !== 'no') present.push(...question.tagged.filter((match) => !present.includes(match) && !denied.includes(match)));
  if (present.length > 0) {
    for (const match of present) {
      if (match.kind === 'symptom') emr.symptoms.push({ name: match.entry.name, duration: duration ?? null, ...(onset ? { onset } : {}), severity: null, icd10: match.entry.code ?? null, text });
      else if (match.kind === 'condition') emr.diagnoses.push({ name: match.entry.name, icd10: match.entry.code ?? null, certainty: 'stated', text });
      else if (match.kind === 'medicine' && !question.aboutAllergy) {
        emr.medications.push({ name: match.entry.name, spoken_name: match.text, atc: match.entry.code ?? null, dose: null, route: null, frequency: null, duration: null, timing: null, text });
      }
    }
  }
  if (polarity !== 'no' && !question.aboutAllergy) {
    // The answer says the dose or how often ("i am taking ten mg", "twice a day").
    const [dose, frequency] = [findDose(first.normal), findFrequency(first.normal)];
    // "are you taking your plavix?" / "every day, yes": an answer that says how much or how often takes the medicines asked.
    const taking = polarity === null && (dose !== null || frequency !== null || REGULARLY.test(first.normal) || TAKING_IT.test(first.normal));
    const asked = taking ? question.asked.filter((match) => match.kind === 'medicine' && !question.dosed.includes(match)) : [];
    for (const match of [...question.dosed, ...asked]) {
      emr.medications.push({ name: match.entry.name, spoken_name: match.text, atc: match.entry.code ?? null, dose, route: null, frequency, duration: null, timing: null, text });
    }
  }
  const since = question.howLong && !duration ? (onset ?? findBareOnset(first.normal)) : null;
  if (question.howLong && (duration || since) && polarity !== 'no') {
    const askedNames = [...question.asked.map((match) => match.entry.name), ...question.presumed.symptoms.map((item) => item.name)];
    const untimed = (item: EmrSymptom) => !item.duration && !item.onset;
    const symptom = emr.symptoms.filter((item) => askedNames.includes(item.name) && untimed(item)).pop() ?? emr.symptoms.filter(untimed).pop();
    if (symptom && duration) symptom.duration = duration;
    else if (symptom && since) symptom.onset = since;
  }
}


// "no" straight before the first word of an asked term, "headaches" or "headache" alike: the determiner of that term
// ("no headache"), not a bare answer ("no, i do not", "no pain, i can breathe well" to "chest pain or breathing?").
const NO_THEN_WORD = /^(?:(?:um|uh|eh|oh|well|,) )*no ([a-z]+)/;

function deniesByName(question: OpenQuestion, normal: string): boolean {
  const word = NO_THEN_WORD.exec(normal)?.[1];
  if (!word || word.length < 4) return false;
  return question.asked.some((match) => {
    const first = match.text.split(' ')[0] as string;
    return first.length >= 4 && (first.startsWith(word) || word.startsWith(first));
  });
}

// What a "yes" picks from the asked terms: the name said straight after it, bare or as had ("yes, asthma", "yeah, just
// the asthma", "yes, i have the chest pain"); "yes, and the wellbutrin is an inhaler" goes on about one of them.
const PICKING = /^(?:(?:um|uh|eh|oh|well|,) )*(?:yes|yeah|yep|yup|uh huh|mm hmm|sure|correct|right)(?: ,)? (?:(?:just|only|mainly|mostly|mostly just|definitely|,) )*(?:(?:i have|i had|i have had|i do have|i did have|i get|i got|i take|i am on|i use) )?(?:(?:the|my|some|a|an) )?$/;

function picks(normal: string, affirmed: readonly ClinicalMatch[]): boolean {
  const at = Math.min(...affirmed.map((match) => ` ${normal} `.indexOf(` ${match.text} `)).filter((index) => index >= 0));
  return Number.isFinite(at) && PICKING.test(normal.slice(0, at));
}

// A "no" that goes on to say what it is instead, in the same breath: "no, it's more of a pressure", "no, more like a
// burning", "no, it is rather ...", whatever is named; "no, i have a really bad migraine", "no, it's a migraine", when
// a symptom or condition other than the asked ones follows. A contrast ("no, but i have", "no, just some nausea")
// or an addition ("no. i have a cough though", "i do have") adds a finding to the denial, and "no, it is fine" names
// nothing.
const NO_LEAD = '^(?:(?:um|uh|eh|oh|well|,) )*(?:no|nope|nah)(?: ,)? (?:(?:actually|doctor|doc|,) )*';
const BARE_NO = /^(?:(?:um|uh|eh|oh|well|,) )*(?:no|nope|nah)(?: ,)?$/;
const RATHER = '(?:(?:it|this|that|the pain) (?:is|was|feels|felt|seems) )?(?:(?:actually|really|probably|just) )?(?:more of|more like|rather)(?= )';
const INSTEAD = '(?:i have|i have got|i got|i get|i am having|i have been having|it is|that is|this is|it feels like|feels like)(?: (?:a|an|some|this|these|the|really|very|pretty|quite|so|bad|terrible|severe|awful|horrible|mild|little|slight|bit of|kind of|sort of|actually))* $';
const CONTRAST = /(?<=^| )(?:but|though|although|however|also|too|just|only|as well|do have|did have)(?= |$)/;
const [RATHER_AFTER_NO, RATHER_OPENING] = [new RegExp(`${NO_LEAD}${RATHER}`), new RegExp(`^${RATHER}`)];
const [INSTEAD_AFTER_NO, INSTEAD_OPENING] = [new RegExp(`${NO_LEAD}${INSTEAD}`), new RegExp(`^${INSTEAD}`)];

function corrects(question: OpenQuestion, answer: readonly ClinicalSentence[], matcher: (normal: string) => readonly ClinicalMatch[]): boolean {
  // "No. I have a really bad migraine." says it in the sentence after a bare "no".
  const bare = BARE_NO.test((answer[0] as ClinicalSentence).normal);
  const sentence = bare ? answer[1] : answer[0];
  if (!sentence) return false;
  const [rather, instead] = bare ? [RATHER_OPENING, INSTEAD_OPENING] : [RATHER_AFTER_NO, INSTEAD_AFTER_NO];
  if (rather.test(sentence.normal)) return true;
  if (CONTRAST.test(sentence.normal)) return false;
  const asked = new Set(question.asked.map((match) => match.entry.name));
  return matcher(sentence.normal).some((match) => (match.kind === 'symptom' || match.kind === 'condition') && !asked.has(match.entry.name) && instead.test(sentence.normal.slice(0, match.start)));
}

// pocketsphinx writes a short "no" as "now" (see find-findings.ts): an answer that is only "now", or "now" and then a
// denial ("now i do not"), to a yes-or-no question is a "no"; "now it is better", "now i have a cough" are temporal.
const NOW_ANSWER = /^(?:(?:um|uh|eh|oh|well) )*now(?: ,)?(?: (.*))?$/;

function heardAsNo(question: OpenQuestion, normal: string): AnswerPolarity {
  const now = NOW_ANSWER.exec(normal);
  if (!now || question.yesNo[question.yesNo.length - 1] !== true) return null;
  const rest = now[1]?.trim() ?? '';
  return rest === '' || readAnswer(rest) === 'no' ? 'no' : null;
}

// "it's all fine", "all good", "everything is fine" and nothing more, to a yes-or-no question: nothing is wrong, a "no";
// "everything is fine except some chills" names what is (see NEGATIVE_REST).
const ALL_FINE = /^(?:(?:um|uh|eh|oh|well|,) )*(?:(?:it|that|things|everything|everything else|all)(?: is| was| has been| seems| looks| are)? )?(?:all |pretty |really |very |totally |completely )?(?:fine|good|okay|ok|normal|alright|all right|great|perfect)(?: (?:now|so far|there|down there|thank you|thanks|doctor|doc|,))*$/;

function allFine(question: OpenQuestion, normal: string): AnswerPolarity {
  return question.yesNo[question.yesNo.length - 1] === true && ALL_FINE.test(normal) ? 'no' : null;
}

// A "yes" to a turn of several questions answers the last one the answer does not take up by name ("any difficulty
// swallowing? do you bleed easily?" / "oh yes"; but "any nausea? any vision changes?" / "yeah. no vision changes."
// affirms nausea). "no" denies them all, as patients deny a list of questions at once.
function lastOpenQuestion(question: OpenQuestion, unnamed: readonly ClinicalMatch[], answer: readonly ClinicalSentence[]): ClinicalMatch[] {
  const named = (match: ClinicalMatch) => answer.some((sentence) => ` ${sentence.normal} `.includes(` ${match.text} `));
  const groupOf = (match: ClinicalMatch) => question.askedIn[question.asked.indexOf(match)] ?? 0;
  // A question is still open when it asks yes or no about nothing the lexicon knows, or about terms the answer does
  // not name; one asking for a fact cannot take a "yes".
  const isOpen = (group: number) => {
    const terms = question.asked.filter((match) => groupOf(match) === group);
    return terms.length > 0 ? terms.some((match) => !named(match)) : question.yesNo[group] === true;
  };
  const last = [...question.yesNo.keys()].filter(isOpen).pop();
  return unnamed.filter((match) => groupOf(match) === last);
}

// The asked terms an answer names without negating them (it affirms those itself), and the others less the ones it
// names negated (its own sentences deny those).
function splitNamed(asked: readonly ClinicalMatch[], answer: readonly ClinicalSentence[]): { affirmed: ClinicalMatch[]; rest: ClinicalMatch[] } {
  const affirmed: ClinicalMatch[] = [];
  const rest: ClinicalMatch[] = [];
  for (const match of asked) {
    const said = answer.map((sentence) => ({ sentence, at: ` ${sentence.normal} `.indexOf(` ${match.text} `) })).find(({ at }) => at >= 0);
    if (!said) rest.push(match);
    else if (!readSentenceContext(said.sentence.normal).negated(said.at)) affirmed.push(match);
  }
  return { affirmed, rest };
}
