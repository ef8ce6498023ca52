// How a relative or carer who brings the patient in says so. One word list for both readings below, so an unlabelled
// turn and a labelled one recognise the same relatives.
const RELATIVE_WORDS = '(?:husband|wife|partner|son|daughter|child|kid|baby|boy|girl|mother|father|mom|mum|dad|sister|brother|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|granny|uncle|aunt|caregiver|carer)';

/** "she is my mother", "this is my little boy": a relative introduces the patient, who is not another person. */
export const INTRODUCES_PATIENT = new RegExp(`(?<=^| )(?:she|he|this|that) is my (?:[a-z]+ )?${RELATIVE_WORDS}(?= |$)`);

/**
 * A speaker who says they are the patient's relative ("hi, husband here", "his mother here", "i am her daughter", "she is my mother"):
 * in an unlabelled turn they speak for the patient, as a `Guest_family:` label says.
 */
export const RELATIVE_SPEAKING = new RegExp(`(?:(?<=^| )(?:i am|this is) (?:his|her|their) ${RELATIVE_WORDS}|(?<=^| )(?:he|she) is my ${RELATIVE_WORDS}|^(?:(?:hi|hello|hey|doctor|um|uh|yes|,) )*(?:(?:his|her|their) )?${RELATIVE_WORDS} here)(?= |$)`);

/**
 * Where a relative reports what they saw or said of the patient ("my wife says I snore", "my daughter noticed that I
 * was confused", "she told me I had a rash", "my daughter was teasing me that I was snoring"): the "i" that starts the reported clause, whose findings are the patient's
 * however it goes on. Not a plan or advice ("my mother thinks I should get checked for diabetes"). Global: use with
 * `matchAll`.
 */
export const REPORTS_PATIENT = /(?<=(?:^| )(?:says|said|say|noticed|notices|notice|told me|tells me|tell me|thinks|thought|mentioned|noted|saw|sees|complains|complained|reckons|worries|worried|heard|that) (?:that )?)i(?= (?!(?:should|need|needed|must|might|may|could|would|will|can|ought|to)(?: |$))[a-z])/g;

// The patient's relatives as a relative who speaks for the patient names them ("his brother", "her mother"), not the
// speaker saying who they are ("i am his mother", "his mother here") nor with the speaker as one subject ("his dad and
// i noticed").
const PATIENTS_RELATIVE = /(?<=^| )(?<!(?:i am|this is) )(?:his|her|their) (?:grand|great grand|step|half )?(?:mother|father|mom|mum|dad|brothers?|sisters?|parents|grandmother|grandfather|grandma|grandpa|granny|uncles?|aunts?|cousins?|siblings?)(?! (?:here|and (?:i|me))(?: |$))(?= |$)/g;

// "i have asthma myself", "i had a bad cold too": the speaker's own health; not "i had to take her in", "i have
// noticed", "i have been giving her", where the speaker tells of the patient.
const SPEAKER_OWN = /(?<=^| )i (?:(?:also|myself|personally|actually|still|just) )*(?:have|had|got|suffer from|suffered from|have had|have got|have been diagnosed with|was diagnosed with|am diagnosed with)(?! (?:to|been|noticed|seen|tried|given|taken|done|brought|gotten|kept|made|put|heard|told|said|felt|thought|got|[a-z]+ed|[a-z]+ing)(?: |$))(?= [a-z])/g;
// Where the talk turns back to the patient.
const PATIENT_PRONOUN = /(?<=^| )(?:he|she|they|him|her|his|hers|their|them)(?= |$)/g;

/**
 * Where a relative who speaks for the patient speaks of their own health ("she has had a fever since Monday. I have
 * asthma myself") or of another of the patient's relatives ("his brother had the flu"): character ranges from each
 * such clause to where the talk turns back to the patient ("he", "her"). Only a relative's own condition is family
 * history; what they report of the patient stays the patient's.
 */
export function findOthersHealth(normal: string): [number, number][] {
  const pronouns = [...normal.matchAll(PATIENT_PRONOUN)].map((match) => match.index);
  return [...normal.matchAll(SPEAKER_OWN), ...normal.matchAll(PATIENTS_RELATIVE)].map((match) => [match.index, pronouns.find((at) => at >= match.index + match[0].length) ?? normal.length]);
}
