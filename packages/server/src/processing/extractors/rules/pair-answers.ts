import type { EkaEmrTemplate, EmrMedication, EmrSymptom } from '@scribe/core/templates';
import type { ClinicalMatch } from './clinical-matcher.js';
import { findBareDuration, findBareOnset, findDurations, findOnset } from './find-durations.js';
import { findFrequency } from './find-frequency.js';
import { findDose } from './find-medications.js';
import { readAnswer, type AnswerPolarity } from './find-question.js';
import type { OpenQuestion } from './open-question.js';
import type { ClinicalSentence } from './read-clinical-text.js';
import { readSentenceContext } from './sentence-context.js';

// How the next turn answers an open question (open-question.ts): what it affirms, denies, corrects or leaves open.

const CONFIRM = /^(?:(?:um|uh|oh|well|,) )*(?:right|correct|that is right|that is correct|exactly|none|nothing)(?= |$)/;
// "i have this cough, but other than that nothing": what the answer names, and nothing else.
// "everything is fine except some chills" says the same.
const NEGATIVE_REST = /(?<=^| )(?:nothing|none|other than that|apart from that|besides that|no other|nothing else|everything (?:else )?(?:is|was|has been|seems|looks) (?:fine|okay|ok|good|normal|alright|all right) (?:except|apart from|besides|other than|but))(?= |$)/;


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

// An answer that says how often ("every day", "daily") says the medicine asked about is taken.
const REGULARLY = /^(?:(?:um|uh|oh|well|,) )*(?:every (?:single )?(?:day|night|morning|evening)|each (?:day|night|morning)|daily|regularly|religiously)(?= |$)/;
// "still taking it", "i am on it", "i use them": an answer that says the medicine asked about is taken.
const TAKING_IT = /^(?:(?:um|uh|oh|well|,) )*(?:(?:i|we|i'm|we're) (?:am |are |do |still )*|still )?(?:take|takes|taking|use|uses|using|on) (?:it|them|those|that|this|these|both)(?= |$)/;


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
