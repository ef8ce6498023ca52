/**
 * Where a question starts in a normal sentence, read from its form rather than its punctuation or its first word, so
 * that recogniser output ("right okay um have you had any fever at all") reads like typed text ("Any fever?"). The
 * question runs from the cue to the end of the sentence; what comes before it ("i see your blood pressure is high")
 * is a statement.
 */
export function findQuestionStart(normal: string): number | undefined {
  let first: number | undefined;
  for (const cue of QUESTION_CUES) {
    cue.lastIndex = 0;
    const match = cue.exec(normal);
    if (match && (first === undefined || match.index < first)) first = match.index;
  }
  // A question that lists first and asks last ("fever, chills, anything like that?") asks about the whole sentence;
  // a typed one ending in "?" without a cue does too. With a cue, what leads in is a statement ("i have lost weight,
  // but do you have any information on ...").
  if (WHOLE_SENTENCE.test(normal) && !SAID_OF_ONESELF.test(normal)) return 0;
  // A tag ("you took amoxicillin, right?", "you have a history of hepatitis c correct") asks to confirm the statement
  // it closes, from its start.
  const tag = TAG.exec(normal);
  if (tag && (first === undefined || first >= tagStart(tag))) return confirmedClause(normal, tagStart(tag));
  // "when you cough, does it hurt?": the clause that leads in names the circumstance the question asks about, so the
  // question runs from its start (pair-answers.ts reads the finding there as neither asked nor said).
  if (first !== undefined && CIRCUMSTANCE_LEAD.test(normal.slice(0, first))) return 0;
  if (first === undefined && normal.endsWith('?')) {
    // "you said you are feeling dizziness, so what makes it worse?": what the patient said, put back before the
    // question, is a statement; the question starts after the comma.
    const reported = REPORTED_LEAD.exec(normal);
    if (reported) return reported.index + reported[0].length;
    // "everything is fine except some chills?", "i have been feeling tired?": a typist's "?" on a statement about
    // oneself, said with a rising voice, asks nothing.
    return UPTALK.test(normal) ? undefined : 0;
  }
  return first;
}

const CIRCUMSTANCE_LEAD = /^(?:(?:okay|ok|so|and|now|um|uh|,) )*(?:when|whenever|while) (?:you|he|she) (?:[a-z']+ ){1,4}(?:, )?$/;

const UPTALK = /^(?:(?:um|uh|oh|well|yeah|yes|,) )*(?:everything (?:is|has been|else is)|i (?:(?:do|also|still|really) )?(?:have|am|feel|felt|had|get|got|think i)|my [a-z]+ (?:is|are|has|have|was|were|hurts|feels))(?= )/;

// A lead-in that repeats what the patient said, then a comma and a question word or auxiliary.
const REPORTED_LEAD = /^(?:(?:okay|ok|so|and|now|alright|,) )*you (?:(?:had |have )?(?:said|mentioned)|told me)(?: that)? [^,?]+ , (?:(?:so|and|but|then|now) )?(?=(?:what|how|when|where|why|which|who|do|does|did|is|are|was|were|has|have|can|could) )/;

// The statement a tag asks to confirm: when two or more clauses of "you", "he" or "she" come before it, the last one.
// In a recogniser's run-on turn "looks like you are taking benzoyl peroxide and daypro you are not smoking with these
// medications right" confirms only the smoking, as a typist's full stop after "daypro" shows; otherwise the sentence.
function confirmedClause(normal: string, tagAt: number): number {
  const starts = [...normal.slice(0, tagAt).matchAll(CONFIRMED_CLAUSE)].map((match) => match.index);
  return starts.length > 1 ? (starts[starts.length - 1] as number) : 0;
}

const CONFIRMED_CLAUSE = /(?<=^| )(?:you|he|she) (?:are|were|have|had|has|is|was|do|does|did|took|take|takes|said|told|mentioned|get|got|gets|use|used|uses|still|also|not|never|just|already|need|needs|went|came|saw|feel|felt|started|stopped|quit|smoke|smoked|drink|live|work)(?= )/g;

// Where the tag itself starts in a TAG match ("is that correct" may also read as a question of its own).
function tagStart(match: RegExpExecArray): number {
  return match.index + match[0].length - (match[1] as string).length;
}

/**
 * Where a tag closes a statement inside a sentence and something new starts after it ("i see you are here for your
 * asthma correct how is it", "you were diagnosed with rhinitis right for how many years"): the offsets (in the normal
 * sentence) at which a recogniser's run-on sentence splits into the statement the tag asks to confirm and what
 * follows, as a typist would close the first with "?". What follows must be a question or a clause about the
 * listener or the speaker; "you are right" and "turn right" are no tags (see TAG).
 */
export function findTagBreaks(normal: string): number[] {
  const breaks: number[] = [];
  let from = 0;
  for (const match of normal.matchAll(/ (?:right|correct)(?= [a-z])/g)) {
    const end = match.index + match[0].length;
    const statement = normal.slice(from, end);
    const rest = normal.slice(end + 1);
    if (!TAG.test(statement)) continue;
    const asks = findQuestionStart(rest);
    if ((asks !== undefined && rest.slice(0, asks).split(' ').length <= 2) || NEW_CLAUSE.test(rest)) {
      breaks.push(end + 1);
      from = end + 1;
    }
  }
  return breaks;
}

/**
 * Where a question starts after a statement in an unpunctuated run-on sentence ("yes that is common is this messing
 * with your ability to work", "they look good i do not see any swelling any palpitations"): offsets in the normal
 * sentence at which a typist would have closed the statement with a full stop. The statement must say something (at
 * least three words besides filler) and not lead into the question ("tell me", "i wonder", "if", "and"); filler and
 * conjunctions just before the question go with it ("and do you bleed easily").
 */
export function findQuestionBreaks(normal: string): number[] {
  const breaks: number[] = [];
  // "high blood pressure, diabetes, anything like that ring any bells": the list is what is asked.
  if (WHOLE_SENTENCE.test(normal)) return breaks;
  let from = 0;
  for (const cue of findQuestionCues(normal)) {
    let at = cue.start;
    while (at > from) {
      const previous = normal.lastIndexOf(' ', at - 2) + 1;
      if (!LEADING_INTO_QUESTION.test(normal.slice(previous, at - 1))) break;
      at = previous;
    }
    const statement = normal.slice(from, at).split(' ').filter((word) => word && !STATEMENT_FILLER.test(word));
    if (at <= from || statement.length < 3 || EMBEDS_QUESTION.test(normal.slice(from, at).trim())) continue;
    breaks.push(at);
    from = at;
  }
  return breaks;
}

// Words that open the question rather than close the statement before it.
const LEADING_INTO_QUESTION = /^(?:and|so|okay|ok|alright|now|um|uh|then|also|but|or|well)$/;
const STATEMENT_FILLER = /^(?:okay|ok|alright|right|so|and|now|um|uh|erm|oh|well|yes|yeah|no|hmm|hm|great|good|sure|thanks|thank|you)$/;
// A statement that leads into the question it is followed by ("can you tell me", "i was wondering", "if it hurts"),
// or takes the "any" that follows as its object ("i do not see any swelling", "i never get any").
const EMBEDS_QUESTION = /(?:^| )(?:tell me|let me know|ask|asking|asked|wonder|wondering|know|if|when|whenever|whether|because|that|what|where|how|why|which|who|to|about|of|for|like|is|are|was|were|do|does|did|have|has|had|can|could|would|will|should|see|not|no|never|without|notice|noticed|feel|felt|get|got|take|took|find|found|hear|heard|need|want)$/;

const NEW_CLAUSE = /^(?:(?:and|so|okay|ok|now|um|uh) )*(?:you|your|i|my|it|the|this|that) [a-z]+/;

/** True when a sentence closes with a tag that asks the listener to confirm it ("you took amoxicillin, right?"). */
export function endsWithTag(normal: string): boolean {
  return TAG.test(normal);
}

// A tag closing a statement addressed to the listener, or about the patient to a relative ("he's been taking adderall,
// correct?"): the statement is offered for confirmation. "right" after a
// side or a direction ("on the right", "turn right") is no tag; a patient's "that is right" has no "you" in it, and
// "i have diabetes, you know that, right" tells.
const TAG = /^(?=.*(?<=^| )(?:you(?! know)|your|he|she)(?= ))(?:[^ ]+ ){3,}?(?:, )?(?<!(?:^| )(?:the|my|your|his|her|to|on|at|all|alright|okay|ok|is|are|am|was|were|be|sounds|turn|feel|feels|upper|lower|far|just) )((?:right|correct|is that right|is that correct|am i right|am i correct|is not it|is not that right|is not that so|yes or no|yeah)(?: \?)?)$/;

/**
 * Where a statement addressed to the listener starts ("and you get urine infections too", "so you had a fever"): a
 * question by its form only when the next turn answers yes or no (see extract-emr.ts), as a recogniser writes the
 * declarative questions a typist would close with "?". The clause starts at "you" opening the sentence or after a
 * conjunction or filler; "thank you", "i will give you" and "you know" are no such clause.
 */
export function findAddressedStatement(normal: string): number | undefined {
  const match = ADDRESSED.exec(normal);
  return match ? match.index : undefined;
}

const ADDRESSED = /(?<=^|, |(?:^| )(?:and|so|okay|ok|now|then|also|um|uh|right|alright|but|oh|see|well|great|good) )you (?!know|see|mean|guys|said|told me|can|could|should|will|would|may|might|must|need to|have to|want to)(?=[a-z])/;

const WHOLE_SENTENCE = /(?<=^| )(?:anything like that|anything of that sort|any of those|any of these|ring any bells|sound familiar)(?= |$| \?)/;
// "i do not have seizures or anything like that" is said, not asked.
const SAID_OF_ONESELF = /(?<=^| )(?:i|my|me|we|no|not|never|nothing)(?= |$)/;

/** One question of a sentence that may ask several. */
export interface QuestionCue {
  /** Offset in the normal sentence. */
  start: number;
  /** Asks yes or no ("do you bleed easily"), rather than for a fact ("how long", "which one"). */
  yesNo: boolean;
}

/**
 * The questions of a sentence in order (none when it asks nothing), so that a recogniser's run-on turn ("any
 * difficulty swallowing let me check here and do you bleed easily") can be told apart into its questions. Cues
 * within three words of the one before belong to the same question ("how long have you had").
 */
export function findQuestionCues(normal: string): QuestionCue[] {
  const first = findQuestionStart(normal);
  if (first === undefined) return [];
  const found = new Map<number, boolean>([[first, !WH_OPENING.test(normal.slice(first))]]);
  // A closing "is that correct" asks about the statement before it, not a question of its own.
  const tag = TAG.exec(normal);
  const end = tag ? tagStart(tag) : normal.length;
  QUESTION_CUES.forEach((cue, index) => {
    // matchAll starts at the pattern's lastIndex, which findQuestionStart's exec leaves behind.
    cue.lastIndex = 0;
    for (const match of normal.matchAll(cue)) {
      if (match.index < first || match.index >= end) continue;
      // "is this something new?", "does it hurt?": about the finding of the question before, not a question of its own.
      const yesNo = !OPEN_CUES.has(index) && !OPEN_PHRASE.test(match[0]) && !ANAPHORIC.test(match[0]);
      found.set(match.index, (found.get(match.index) ?? true) && yesNo);
    }
  });
  const cues: QuestionCue[] = [];
  for (const [start, yesNo] of [...found].sort(([a], [b]) => a - b)) {
    const previous = cues[cues.length - 1];
    if (previous && normal.slice(previous.start, start).split(' ').length <= 3) previous.yesNo &&= yesNo;
    else cues.push({ start, yesNo });
  }
  return cues;
}

/** How a turn answers the question before it: affirms, denies, or neither (it says something else). */
export type AnswerPolarity = 'yes' | 'no' | null;

// Filler that may open an answer ("um, no", "oh yes", "well, not really").
const FILLER = '(?:(?:um|uh|erm|er|eh|hm|hmm|mm|oh|ah|well|so|okay|ok|actually|honestly|luckily|thankfully|fortunately|i mean|i think|no|yes|yeah|,) )*';
const NO = new RegExp(`^${FILLER.replace('no|yes|yeah|', '')}(?:no|nope|nah|never|none|neither|nothing|negative|that is (?:a )?negative|not really|not at all|not that i|i do not|i did not|i have not|i have never|i am not|i was not|i cannot say|have not|do not|did not)(?= |$)`);
const YES = new RegExp(`^${FILLER.replace('no|yes|yeah|', '')}(?:yes|yeah|yep|yup|uh huh|mm hmm|mhm|sure|correct|definitely|absolutely|(?:i do|i have|i did|i am)(?: (?:had|been having|got|gotten|noticed|felt|experienced|been))?(?= ,| (?:yes|yeah|sometimes|a little|a bit|a lot|some|too|also|actually|doctor|doc|now|it|them|that|those|these|one|a few|both|but|and|since|after|before|when|whenever|especially|mostly|usually|often|every|once|lately|recently|again|right (?:after|before|away|now|then|when))(?= |$)|$)|i (?:am|was|have been) (?:taking|using|on)|i (?:still )?(?:take|use|took|used)|i think so|i guess so|sometimes|occasionally|a little|a bit|a lot|kind of|kinda|sort of|quite|both|that is right|that is correct|that sounds right|sounds right|that is true|exactly|of course|indeed|right)(?= |$)`);

// "i do not know", "not sure": neither yes nor no, though "i do not" opens the answer.
const UNSURE = /^(?:(?:um|uh|eh|oh|well|honestly|,) )*(?:i do not know|i do not remember|i do not recall|i am not sure|i'm not sure|i am not certain|not sure|i cannot remember|i can not remember|i cannot recall|i could not tell you|i cannot tell|i have no idea|no idea)(?= |$)/;

const AGREEING_NO = /^(?:(?:oh|well|um|uh) )*no(?: ,)? (?:you are right|that is right|that is correct|you are correct|correct|exactly)(?= |$)/;
// "oh no" before a reaction is dismay at news ("you have a urinary tract infection" / "oh no, really?"); alone it
// answers.
const DISMAY = /^(?:oh|ah) no(?: ,)? (?:that is (?:bad|terrible|awful)|what|really|is it|how|why|i did not know)(?= |$)/;

/** Reads whether an answer's first sentence (normal form) affirms or denies. */
export function readAnswer(normal: string): AnswerPolarity {
  const text = normal.replace(/^[ ,]+/, '');
  if (DISMAY.test(text) || UNSURE.test(text)) return null;
  // "no, you are right": the "no" only declines the doubt the question offered ("... or am i wrong?").
  if (AGREEING_NO.test(text)) return 'yes';
  if (NO.test(text)) return 'no';
  if (YES.test(text)) return 'yes';
  return null;
}

/** True when a question asks how long or since when, so a bare "six days" answer is a duration. */
export function asksHowLong(normal: string): boolean {
  return HOW_LONG.test(normal);
}

const HOW_LONG = /(?<=^| )(?:how long|since when|when did (?:it|this|that|the|they|these|your|you)|when was the first|how many (?:days|weeks|months|hours|years)|when (?:did|does) (?:it|this|that) (?:start|begin))(?= |$)/;

const WH_OPENING = /^(?:(?:okay|ok|so|and|um|uh|now|,) )*(?:what|how|when|where|why|which|who|whose)(?= )/;
const ANAPHORIC = / (?:it|this|that|these|those|they)$/;
// The indexes in QUESTION_CUES of the cues that ask for a fact (wh-words); phrases that do are OPEN_PHRASE.
const OPEN_CUES = new Set([5, 6]);
const OPEN_PHRASE = /^(?:what kind of|what type of|what sort of|what dose of|what dosage of|what strength of|how long|how often|how much|how many|how bad|how severe|since when|tell me about|can you tell me|could you tell me)$/;
// An auxiliary followed by its subject is the inverted order of a yes/no question ("have you had", "is there",
// "does it hurt"); "any" after filler or at the start asks ("okay any blood in your stool"); wh-words followed by
// an auxiliary ask ("how long has it", "what brings you"). Statements put the subject first ("there is", "you have").
const AUX = '(?:do|does|did|have|has|had|are|is|was|were|can|could|would|will|should)';
// "did any other doctor mention": a determiner opening the subject as well.
// "do i need to mention it", "should i stop": the patient asking too.
const SUBJECT = '(?:you|your|i|she|he|they|it|there|anyone|anybody|somebody|someone|any|the pain|this|that|these|those)';
// "my main complaint is that i feel tired", "the problem was that we could not sleep": after a subject, "is that" opens
// the clause it introduces and asks nothing; "is that i" opening the sentence, "why is that" and "is that it" ask.
const THAT_CLAUSE = "(?!(?<=(?:^| )(?!(?:okay|ok|so|and|but|um|uh|now|right|alright|well|oh|how|what|why|when|where|who|which)(?= ))[a-z']+ )(?:is|was) that (?:i|we|he|she|they|my|our|there (?:is|are|was|were))(?= ))";
const QUESTION_CUES: readonly RegExp[] = [
  // Not after a subject or another auxiliary: "i have had this cough", "that is it" are statements.
  new RegExp(`(?<=^|[ ,])(?<!(?:^| )(?:i|we|you|they|he|she|it|that|this|there|who|which|what|have|has|had|will|would|could|should|may|might|must|not|really|even|actually|ever|also|still|to|never|just|always|usually|all) )${THAT_CLAUSE}${AUX} (?:not )?${SUBJECT}(?= |$)`, 'g'),
  // "any" asks at the start of a clause: after nothing, a comma, or the filler that opens a spoken turn ("okay um
  // any blood in your stool", "i see any loss of appetite"; "i do not see any swelling" says), or after what ends an unpunctuated lead-in ("tell me
  // any weakness", "let us see here any history of diabetes"); after a verb it is a statement ("i do not have any").
  /(?:^|, |(?<=(?:^| )(?:okay|ok|alright|right|so|and|now|also|um|uh|erm|great|good|hm|hmm|oh|well|(?<!(?:^| )(?:not|never) )see|perfect|thanks|sure|then|me|here) ))(?:any|anything|anyone|anybody)(?= )/g,
  // Without punctuation a question often runs on from the clause before it ("we need to treat it did you have any
  // chills", "let me examine you can you sit up"): an auxiliary then "you" after an object pronoun still asks.
  new RegExp(`(?<=(?:^| )(?:it|that|this|them|you|here) )${AUX} (?:not )?(?:you(?! know)|he|she|they)(?= |$)`, 'g'),
  // An auxiliary opening the sentence asks even before "the" ("was the medicine called allegra", "are the bruises
  // new"); inside a sentence "the pain was the worst" says.
  new RegExp(`^(?:(?:okay|ok|so|and|um|uh|right|now|alright) )*${AUX} the(?= )`, 'g'),
  // "any" after a word that is neither a verb taking it nor a preposition starts a new, asking clause ("your gait is
  // fine any stroke in the past", "pain with constipation any cough"); "i do not have any", "in any case" say.
  /(?<=(?:^| )(?!(?:deny|denies|denied|denying|report|reports|reported|mention|mentioned|know|knew|or|and|nor|really|have|has|had|having|take|took|taking|takes|get|got|getting|gets|need|needed|needs|want|wanted|feel|felt|notice|noticed|experience|experienced|experiencing|use|used|using|try|tried|find|found|without|not|no|never|hardly|barely|of|in|for|with|at|from|to|on|into|about|if|is|are|was|were|be|been|do|did|does|there|than|any|give|gave|eat|ate|drink|drank|see|saw|hear|heard|seen|made|make|cause|caused|causing|show|showed|shows|shown|can|could|would|will|should|may|might|must|hurt|hurts|done|call|tell|told|bring|brought)(?= ))[a-z']+ )(?:any|anything|anyone|anybody)(?= )(?! (?:more|longer|way|case|time|moment|day|other time)(?= |$))/g,
  // This cue and the next ask for a fact rather than a yes or a no (OPEN_CUES).
  /(?<=^|[ ,])(?:how|what|when|why)(?: (?!i |we )[a-z]+)? (?:do|does|did|have|has|had|are|is|was|were|can|could|would|will|brings|brought|happened|happens)(?= |$)/g,
  // "who", "which", "where" and "whose" opening a sentence or a clause after a comma ask ("who has diabetes",
  // "which cancer"); inside one they are relative pronouns ("the pills which i take").
  // After a comma, one followed by a subject is the relative pronoun ("..., which i did do some").
  /(?:^|(?<=, )(?!(?:who|which|where|whose) (?:i|we|he|she|they|it|you)(?= ))|(?<=^(?:(?:okay|ok|so|and|um|uh|right|now|alright|sorry) )+))(?:who|which|where|whose)(?= )/g,
  // "i am not sure how much metformin i take", "i do not know how long": after a word that embeds it, what follows is
  // said; "do you know how much" asks by its "do you".
  /(?<=^|[ ,])(?<!(?:^| )(?:sure|certain|know|remember|recall|idea|forget|forgot|wonder|wondering|unsure) )(?:how about|what about|how bout|what bout|what kind of|what type of|what sort of|how long|how often|how much|how many|how bad|how severe|since when|tell me about|tell me if|tell me whether|can you tell me|could you tell me|did you ever|ever had|have you ever|ever been diagnosed|ever been told|ever been treated)(?= |$)/g,
  // An auxiliary that opens the turn without its subject still asks ("were diagnosed with multiple sclerosis" as
  // the recogniser drops "you"; "ever been diagnosed", mistyped or misheard "every been diagnosed"); a statement
  // puts a subject first.
  /^(?:(?:okay|ok|so|and|um|uh|right) )*(?:(?:were|was|have|has|had|did|are|is) (?:ever |you )?|(?:ever|every) been )(?:diagnosed|told|treated)(?= |$)/g,
  // "what dose of lisinopril are you on": the question starts at "what", so the medicine named before "are you" is
  // asked about (and its dose, see pair-answers.ts); "i do not remember what dose of metformin i take" says.
  /(?<=^(?:(?:okay|ok|so|and|um|uh|now|alright|right|,) )*)what (?:dose|dosage|strength) of(?= )/g,
  // "what, like cancer?" asks back for an example; said without the comma and "?" it still opens the turn.
  /^(?:(?:um|uh|oh|so|and|,) )*what(?: ,)? like(?= )/g,
  // "oh, you mean enteric coated aspirin?" asks back what the other meant; said without the "?" it still opens the turn.
  /^(?:(?:um|uh|oh|so|okay|ok|and|,) )*(?:do )?you mean(?= )/g,
  // "does coughing make the chest pain worse", "does walking help": an auxiliary opening the sentence before a gerund
  // asks, as a recogniser writes it without the "?".
  /^(?:(?:okay|ok|so|and|um|uh|right|now|alright) )*(?:does|did|do|would|will) [a-z]+ing(?= )/g,
];
