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
  return first ?? (normal.endsWith('?') ? 0 : undefined);
}

const WHOLE_SENTENCE = /(?<=^| )(?:anything like that|anything of that sort|any of those|any of these|ring any bells|sound familiar)(?= |$| \?)/;
// "i do not have seizures or anything like that" is said, not asked.
const SAID_OF_ONESELF = /(?<=^| )(?:i|my|me|we|no|not|never|nothing)(?= |$)/;

/** How a turn answers the question before it: affirms, denies, or neither (it says something else). */
export type AnswerPolarity = 'yes' | 'no' | null;

// Filler that may open an answer ("um, no", "oh yes", "well, not really").
const FILLER = '(?:(?:um|uh|erm|er|hm|hmm|oh|ah|well|so|okay|ok|actually|honestly|i mean|i think|no|yes|yeah|,) )*';
const NO = new RegExp(`^${FILLER.replace('no|yes|yeah|', '')}(?:no|nope|nah|never|none|neither|nothing|not really|not at all|not that i|i do not|i did not|i have not|i have never|i am not|i was not|i cannot say|have not|do not|did not)(?= |$)`);
const YES = new RegExp(`^${FILLER.replace('no|yes|yeah|', '')}(?:yes|yeah|yep|yup|uh huh|mm hmm|mhm|sure|correct|definitely|absolutely|i do|i have|i did|i am|i think so|i guess so|sometimes|occasionally|a little|a bit|a lot|kind of|sort of|quite|that is right|right)(?= |$)`);

/** Reads whether an answer's first sentence (normal form) affirms or denies. */
export function readAnswer(normal: string): AnswerPolarity {
  const text = normal.replace(/^[ ,]+/, '');
  if (NO.test(text)) return 'no';
  if (YES.test(text)) return 'yes';
  return null;
}

/** True when a question asks how long or since when, so a bare "six days" answer is a duration. */
export function asksHowLong(normal: string): boolean {
  return HOW_LONG.test(normal);
}

const HOW_LONG = /(?<=^| )(?:how long|since when|when did (?:it|this|that|the|they|these|your|you)|when was the first|how many (?:days|weeks|months|hours|years)|when (?:did|does) (?:it|this|that) (?:start|begin))(?= |$)/;

// An auxiliary followed by its subject is the inverted order of a yes/no question ("have you had", "is there",
// "does it hurt"); "any" after filler or at the start asks ("okay any blood in your stool"); wh-words followed by
// an auxiliary ask ("how long has it", "what brings you"). Statements put the subject first ("there is", "you have").
const AUX = '(?:do|does|did|have|has|had|are|is|was|were|can|could|would|will|should)';
const SUBJECT = '(?:you|your|she|he|they|it|there|anyone|anybody|somebody|someone|the pain|this|that)';
const QUESTION_CUES: readonly RegExp[] = [
  // Not after a subject or another auxiliary: "i have had this cough", "that is it" are statements.
  new RegExp(`(?<=^|[ ,])(?<!(?:^| )(?:i|we|you|they|he|she|it|that|this|there|who|which|what|have|has|had|will|would|could|should|may|might|must|not) )${AUX} (?:not )?${SUBJECT}(?= |$)`, 'g'),
  // "any" asks at the start of a clause: after nothing, a comma, or the filler that opens a spoken turn ("okay um
  // any blood in your stool", "i see any loss of appetite"), or after what ends an unpunctuated lead-in ("tell me
  // any weakness", "let us see here any history of diabetes"); after a verb it is a statement ("i do not have any").
  /(?:^|, |(?<=(?:^| )(?:okay|ok|alright|right|so|and|now|also|um|uh|erm|great|good|hm|hmm|oh|well|see|perfect|thanks|sure|then|me|here) ))(?:any|anything|anyone|anybody)(?= )/g,
  // Without punctuation a question often runs on from the clause before it ("we need to treat it did you have any
  // chills", "let me examine you can you sit up"): an auxiliary then "you" after an object pronoun still asks.
  new RegExp(`(?<=(?:^| )(?:it|that|this|them|you|here) )${AUX} (?:not )?you(?! know)(?= |$)`, 'g'),
  // "any" after a word that is neither a verb taking it nor a preposition starts a new, asking clause ("your gait is
  // fine any stroke in the past", "pain with constipation any cough"); "i do not have any", "in any case" say.
  /(?<=(?:^| )(?!(?:deny|denies|denied|denying|report|reports|reported|mention|mentioned|know|knew|or|and|nor|really|have|has|had|having|take|took|taking|takes|get|got|getting|gets|need|needed|needs|want|wanted|feel|felt|notice|noticed|experience|experienced|experiencing|use|used|using|try|tried|find|found|without|not|no|never|hardly|barely|of|in|for|with|at|from|to|on|into|about|if|is|are|was|were|be|been|do|did|does|there|than|any|give|gave|eat|ate|drink|drank|see|saw|hear|heard|seen|made|make|cause|caused|causing|show|showed|shows|shown|can|could|would|will|should|may|might|must|hurt|hurts|done|call|tell|told|bring|brought)(?= ))[a-z']+ )(?:any|anything|anyone|anybody)(?= )(?! (?:more|longer|way|case|time|moment|day|other time)(?= |$))/g,
  /(?<=^|[ ,])(?:how|what|when|why)(?: (?!i |we )[a-z]+)? (?:do|does|did|have|has|had|are|is|was|were|can|could|would|will|brings|brought|happened|happens)(?= |$)/g,
  /(?<=^|[ ,])(?:how about|what about|how bout|what bout|what kind of|what type of|what sort of|how long|how often|how much|how many|how bad|how severe|since when|tell me about|tell me if|tell me whether|can you tell me|could you tell me|did you ever|ever had|have you ever|ever been diagnosed|ever been told|ever been treated)(?= |$)/g,
  // An auxiliary that opens the turn without its subject still asks ("were diagnosed with multiple sclerosis" as
  // the recogniser drops "you"; "ever been diagnosed"); a statement puts a subject first.
  /^(?:(?:okay|ok|so|and|um|uh|right) )*(?:were|was|have|has|had|did|are|is) (?:ever |you )?(?:diagnosed|told|treated)(?= |$)/g,
];
