/** One term of the clinical lexicon: a canonical name, the other ways it is said, and a code where one applies. */
export interface LexiconEntry {
  /** Canonical name used in extracted documents (for medicines, the WHO International Nonproprietary Name). */
  name: string;
  /** Other words for the same thing, lower case; the last word may also be heard in the plural. */
  synonyms?: readonly string[];
  /** WHO ICD-10 code (conditions, symptoms) or WHO ATC code (medicines); absent when none is listed. */
  code?: string;
  /**
   * A class of medicines said in place of one ("blood thinner"): a named medicine beside it or of the same class in
   * the sentence is the better name, so the class is dropped then. Default false.
   */
  group?: boolean;
  /** ATC codes of a group's members outside its own code ("blood pressure medication" covers C03 and C07 to C09). */
  covers?: readonly string[];
}

/** A published source a lexicon's facts were checked against. */
export interface LexiconSource {
  title: string;
  publisher: string;
  /** What was taken from it: names, codes. */
  used_for: string;
}
