import { describe, expect, it } from 'vitest';
import { findQuestionStart, readAnswer } from '../../src/processing/extractors/rules/find-question.js';
import { takesForGranted } from '../../src/processing/extractors/rules/presupposing-question.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13: what a doctor's question takes for granted, or an answer affirms, is the patient's. Each exchange is typed
// with speaker labels, typed without, and as a recogniser writes it (lower case, no punctuation).

// Present (symptoms and diagnoses), denied, and medications.
async function findingsOf(transcript: string): Promise<[string[], string[], string[]]> {
  const emr = await emrOf(transcript);
  return [[...names(emr.symptoms), ...names(emr.diagnoses)], names(emr.absent_symptoms), names(emr.medications)];
}

describe('a medicine a question takes for granted is taken', () => {
  it.each([
    ...shapes([['Doctor', 'Is the lisinopril helping with your blood pressure?'], ['Patient', 'Not really, it is still high.']]),
    ...shapes([['Doctor', 'When did you start the metformin?'], ['Patient', 'Um, back in May I think.']]),
    ...shapes([['Doctor', 'Any side effects from the methotrexate?'], ['Patient', 'No.']]),
    ...shapes([['Doctor', 'How long have you been on lisinopril?'], ['Patient', 'About three years now.']]),
  ])('%s: %s', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toHaveLength(1);
  });

  it.each(shapes([['Doctor', 'Besides the Zoloft, are you taking anything else?'], ['Patient', 'No, just that.']]))('%s: "besides the Zoloft"', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['sertraline']);
  });

  it.each(shapes([['Doctor', 'When did you start the metformin?'], ['Patient', 'In May, five hundred milligrams twice a day.']]))('%s: with the dose the answer says', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([['metformin', '500 mg']]);
  });

  it.each(shapes([['Doctor', 'Is the lisinopril helping?']]))('%s: asked and not answered, it stands', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['lisinopril']);
  });
});

describe('an answer that says a medicine taken for granted is not taken', () => {
  it.each([
    ...shapes([['Doctor', 'Is the lisinopril helping?'], ['Patient', 'I stopped it last month.']]),
    ...shapes([['Doctor', 'Is the lisinopril helping?'], ['Patient', "Oh, I'm not on that anymore."]]),
    ...shapes([['Doctor', 'When did you start the metformin?'], ['Patient', 'I never started the metformin, it made me nervous.']]),
    ...shapes([['Doctor', 'Has the Flonase helped?'], ['Patient', "I haven't been taking it."]]),
    ...shapes([['Doctor', 'Is the metformin upsetting your stomach?'], ['Patient', "I don't take metformin."]]),
  ])('%s: %s', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Did the Tylenol or Advil help at all?'], ['Patient', 'I had to stop Advil because it bothered my stomach.']]))('%s: stopping another medicine says nothing of this one', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['paracetamol']);
  });
});

describe('a question about whether a medicine is taken still asks', () => {
  it.each([
    ...shapes([['Doctor', 'Are you still taking the lisinopril?'], ['Patient', 'No.']]),
    ...shapes([['Doctor', 'What about the Flonase?'], ['Patient', 'Nope.']]),
    ...shapes([['Doctor', 'Did you finish the amoxicillin?'], ['Patient', 'No, I have some left.']]),
    ...shapes([['Doctor', 'Any allergies, like to the penicillin?'], ['Patient', 'Not that I know.']]),
  ])('%s: "no" says it is not: %s', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Is your husband still on the Xanax?'], ['Patient', 'He is.']]))("%s: a relative's medicine is not the patient's", async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });
});

describe('a finding a question of place takes for granted is present', () => {
  it.each(shapes([['Doctor', 'Where are you having numbness?'], ['Patient', 'In my fingers, mostly the left hand.']]))('%s: "where are you having numbness"', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['numbness']);
  });

  it.each(shapes([['Doctor', 'Okay, and where are you noticing swelling?'], ['Patient', 'Mostly around my ankles.']]))('%s: "where are you noticing swelling"', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['swelling']);
  });

  it.each(shapes([['Doctor', 'Where are you having numbness?'], ['Patient', "I'm not having any numbness, it is more of a tingling."]]))('%s: an answer that denies it by name withdraws it', async (_, transcript) => {
    const [present, denied] = await findingsOf(transcript);
    expect(present).not.toContain('numbness');
    expect(denied).toContain('numbness');
  });

  it.each(shapes([['Doctor', "When were you first diagnosed with Parkinson's?"], ['Patient', 'September of ninety five.']]))('%s: "when were you first diagnosed with" takes the diagnosis for granted', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(["parkinson's disease"]);
  });

  it.each(shapes([['Doctor', 'And when did you first start experiencing joint pain?'], ['Patient', 'Couple years ago.']]))('%s: "when did you first start experiencing" takes the complaint for granted', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['joint pain']);
  });

  it.each(shapes([['Doctor', 'When did you have a fever?'], ['Patient', 'Never.']]))('%s: "when did you have" may ask whether, and is left to the answer', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Do you ever get times where you feel dizzy?'], ['Patient', 'No.']]))('%s: "where" in a relative clause still asks', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['dizziness'], []]);
  });
});

describe('"both" to an "X or Y?" question affirms each', () => {
  it.each([
    ...shapes([['Doctor', 'Do you have fever or chills?'], ['Patient', 'Both.']]),
    ...shapes([['Doctor', 'Any fever or chills?'], ['Patient', 'Both of them, yeah.']]),
    ...shapes([['Doctor', 'Have you had fever or chills?'], ['Patient', 'Yes, both.']]),
  ])('%s: %s', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['fever', 'chills'], [], []]);
  });

  it.each(shapes([['Doctor', 'Do you have fever or chills?'], ['Patient', 'Neither.']]))('%s: "neither" denies each', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['fever', 'chills'], []]);
  });
});

describe("the patient's own words about a medicine", () => {
  it.each([
    ...shapes([['Patient', "I'm not sure how much metformin I take."]]),
    ...shapes([['Patient', "I don't know how many metformin pills I take, maybe two."]]),
  ])('%s: an embedded "how much" asks nothing: %s', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['metformin']);
  });

  it.each([
    ...shapes([['Patient', 'I never miss my Synthroid.']]),
    ...shapes([['Patient', 'Oh, I never forget my Synthroid, it is every morning.']]),
  ])('%s: "never miss", "never forget" say it is taken: %s', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['levothyroxine']);
  });

  it.each(shapes([['Patient', 'I never forget my inhaler.']]))('%s: a class said so is taken too', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['drugs for obstructive airway diseases']);
  });

  it.each(shapes([['Patient', 'I never took the Synthroid they gave me.']]))('%s: "never took" still denies', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });
});

describe('the forms behind these rules', () => {
  const at = (sentence: string, term: string) => [sentence.indexOf(term), sentence.indexOf(term) + term.length] as const;
  it.each([
    ['how long have you had this cough', 'cough', 'finding', true],
    ['where are you having numbness', 'numbness', 'finding', true],
    ["when were you first diagnosed with parkinson's", "parkinson's", 'finding', true],
    ['when did you start having headaches', 'headaches', 'finding', true],
    ['when did you have a fever', 'fever', 'finding', false],
    ['can you point to where the pain is', 'pain', 'finding', true],
    ['do you ever get times where you feel dizzy', 'dizzy', 'finding', false],
    ['which knee hurts', 'knee hurts', 'finding', true],
    ['which of these do you have fever or cough', 'fever', 'finding', false],
    ['besides the zoloft , anything else', 'zoloft', 'medicine', true],
    ['how much metformin do you take', 'metformin', 'medicine', true],
    ['is the lisinopril helping', 'lisinopril', 'medicine', true],
    ['is the lisinopril helping', 'lisinopril', 'finding', false],
    ['are you still taking the lisinopril', 'lisinopril', 'medicine', false],
    ['what about the flonase', 'flonase', 'medicine', false],
    ['after you finished the amoxicillin , did the rash go', 'amoxicillin', 'medicine', false],
  ] as const)('"%s" takes "%s" (%s) for granted: %s', (sentence, term, kind, expected) => {
    expect(takesForGranted(sentence, ...at(sentence, term), kind)).toBe(expected);
  });

  it.each([
    ['i am not sure how much metformin i take', false],
    ['i do not know how long it has been', false],
    ['do you know how much metformin you take', true],
    ['how much metformin do you take', true],
  ])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal) !== undefined).toBe(question);
  });

  it.each([
    ['both', 'yes'],
    ['both of them', 'yes'],
    ['yes both', 'yes'],
    ['neither', 'no'],
  ])('answer "%s" reads as %s', (normal, polarity) => {
    expect(readAnswer(normal)).toBe(polarity);
  });
});
