/**
 * What a question takes for granted rather than asks: "how long have you had this cough", "where are you having
 * numbness", "which knee hurts", "besides the Zoloft, anything else", "how much metformin do you take", "is the
 * lisinopril helping". One definition for the extractor, which records such a term whatever the answer unless the answer
 * withdraws it (pair-answers.ts), and for the benchmark's question-finding count, which does not call such a term the
 * doctor's (examples/main-job/count-question-findings.ts), so that the two agree. Text may be the extractor's normal
 * form ("where is", "do not") or the count's loose one ("where s", "don t"); punctuation other than commas is ignored.
 */

/** A medicine is taken for granted by more questions than a finding is ("is the lisinopril helping?"). */
export type PresupposedKind = 'medicine' | 'finding';

/**
 * True when the question sentence takes for granted the term at `start` to `end` (offsets in `sentence`): it asks how
 * long it has been there, when it began, where or which it is, or about something besides it; of a medicine also how
 * much is taken, since it was started, or about it as the patient's ("is the lisinopril helping", "any side effects
 * from the methotrexate"), not whether it is taken ("are you taking the lisinopril", "what about the flonase").
 */
export function takesForGranted(sentence: string, start: number, end: number, kind: PresupposedKind): boolean {
  const before = plain(sentence.slice(0, start));
  if (HOW_LONG.test(before) || WHEN.test(before) || WHERE.test(before) || WHICH.test(plain(sentence.slice(0, end))) || EXCEPTING.test(before)) return true;
  if (kind !== 'medicine') return false;
  return asksDose(before) || SINCE_STARTED.test(before) || (OWNED.test(before) && !NOT_OWNED.test(before));
}

/** True when the words before a medicine ask its dose or how often it is taken ("how much", "what dose of"). */
export function asksDose(before: string): boolean {
  return DOSE.test(plain(before));
}

// Lower case words and commas, nothing else: the extractor's normal form and the count's loose one read alike.
function plain(text: string): string {
  return text.toLowerCase().replace(/,/g, ' , ').replace(/[-'’]/g, ' ').replace(/[^\p{L}\p{N},\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

// "how long have you been feeling weakness and fatigue", "how long have you been on metformin": the term follows the
// verb straight, or after others joined with "and" (with "or" the question leaves open which one it is).
const HOW_LONG = /(?:^| )(?:how long|since when) (?:have|has|are|do|did) you(?: been)? (?:had|have|having|feeling|feel|felt|experiencing|experienced|noticed|noticing|suffering from|suffered from|got|getting|get|taking|taken|using|used|on)(?: (?:a|an|some|the|your|this|that|these|those))?(?:(?: [a-z]+){1,4} (?:and|,))?$/;
// "when were you first diagnosed with parkinson's", "when did you first start experiencing joint pain": asking when it
// began takes it for granted, as asking how long does ("when did you have a fever" may ask whether, and is left out).
const WHEN = /(?:^| )when (?:were|was|did|have) you (?:first )?(?:(?:diagnosed|told) with|(?:start|started|begin|began|first start) (?:having|getting|to have|to get|to feel|feeling|experiencing|noticing|to notice)|notice|noticing|experience|experiencing|develop|feel|feeling)(?: (?:a|an|the|your|this|that|these|those|some))?(?:(?: [a-z]+){1,4} (?:and|,))?$/;
// "where are you having numbness", "where is your heel pain", "can you point to where the pain is": a question of
// place opening its clause, the term within a few words and not after "or" or "any" ("where do you get headaches or
// any dizziness" asks about the dizziness). "times where you feel dizzy" is a relative clause and asks.
const WHERE = /(?:^|(?:^| )(?:,|and|so|okay|ok|now|um|uh|alright|right|then|but|me|to|point|pinpoint|show|tell|know|describe|exactly) )where(?: (?!or |and |any |anything |if |whether )[a-z]+){0,5}$/;
// "which knee hurts", "which side is the pain on": the term is among the first words after an opening "which"
// ("which of these do you have" asks about each of them).
const WHICH = /^(?:(?:okay|ok|so|and|now|um|uh|alright|right|,) )*which(?! of)(?: [a-z]+){0,3}$/;
// "besides the Zoloft, anything else?", "any problems apart from your back pain?".
const EXCEPTING = /(?:^| )(?:besides|apart from|other than|except|aside from|in addition to)(?: (?:your|the|this|that|these|those|his|her|their|my))?(?: [a-z]+)?$/;
// "how much lexapro", "what is the strength of your omeprazole", "what dose of lisinopril", anywhere before it.
const DOSE = /(?:^| )(?:how (?:much|many|often)|what (?:is |s |are |was )?(?:the |your )?(?:strength|strengths|dose|doses|dosage|dosages|milligrams))(?= |$)/;
// "when did you start the spironolactone", "since you have been on the lexapro".
const SINCE_STARTED = /(?:^| )(?:when did you (?:first )?(?:start|begin|get)|since (?:you )?(?:have been |had been |were |are |first )?(?:on|taking|using|started|starting|began|begun))(?: (?:the|your|this|that|these|those))?(?: [a-z]+)?$/;
// A medicine named as the patient's ("is the lisinopril helping", "what about your flonase", "any side effects from
// the methotrexate"), a descriptive word allowed between.
const OWNED = /(?:^| )(?:the|your|this|that|these|those|his|her|their)(?: (?:new|current|regular|usual|daily|old|same))?$/;
// ... unless the verb before it asks whether it is taken or has ended ("are you taking the lisinopril", "did you stop
// your metformin", "after you finished the antibiotics", "would you like the inhaler", "what about the flonase").
const NOT_OWNED = /(?:^| )(?:what about|how about|take|takes|taking|took|taken|use|uses|using|used|on|off|try|tried|trying|start|started|starting|restart|restarted|continue|continued|continuing|prescribe|prescribed|give|gave|given|get|got|stop|stopped|stopping|quit|finish|finished|complete|completed|switch|switched|to|want|like|need|refill|fill|filled|allergic)(?: (?:the|your|this|that|these|those|his|her|their))(?: [a-z]+)?$/;
