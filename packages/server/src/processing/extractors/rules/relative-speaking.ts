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
 * was confused", "she told me I had a rash"): the "i" that starts the reported clause, whose findings are the patient's
 * however it goes on. Not a plan or advice ("my mother thinks I should get checked for diabetes"). Global: use with
 * `matchAll`.
 */
export const REPORTS_PATIENT = /(?<=(?:^| )(?:says|said|say|noticed|notices|notice|told me|tells me|tell me|thinks|thought|mentioned|noted|saw|sees|complains|complained|reckons|worries|worried|heard) (?:that )?)i(?= (?!(?:should|need|needed|must|might|may|could|would|will|can|ought|to)(?: |$))[a-z])/g;
