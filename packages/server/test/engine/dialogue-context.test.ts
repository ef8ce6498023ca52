import { describe, expect, it } from 'vitest';
import { findQuestionStart, readAnswer } from '../../src/processing/extractors/rules/find-question.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13: the extractor on consultation language. Each case is a real-looking sentence or exchange.

describe('questions are told by their form, not punctuation or the first word', () => {
  it.each([
    ['right okay um have you had any fever at all', true],
    ['okay any blood in your stools', true],
    ['and how long has this been going on', true],
    ['what happens when you take ibuprofen', true],
    ['Any chest pain?', true],
    ['i have had a fever for three days', false],
    ['i do not have any cough', false],
    ['when i was a child i had asthma', false],
  ])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal.toLowerCase()) !== undefined).toBe(question);
  });

  it.each([
    ['no no blood', 'no'],
    ['um nope', 'no'],
    ['not really', 'no'],
    ['i do not think so', 'no'],
    ['yes since monday', 'yes'],
    ['yeah a little', 'yes'],
    ['it was on the left side', null],
    ['um i do not know', null],
    ['honestly i am not sure', null],
    ['i do not remember', null],
  ])('answer "%s" reads as %s', (normal, polarity) => {
    expect(readAnswer(normal)).toBe(polarity);
  });
});

describe('a question is paired with the answer that follows, with and without labels and punctuation', () => {
  it.each(shapes([['Doctor', 'Any blood in your stools?'], ['Patient', 'No, no blood.']]))('%s: "no" denies the finding asked about', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['blood in stool']);
    expect(emr.symptoms).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Right, okay, um, have you had any fever at all?'], ['Patient', 'Yes, for about a day now.']]))('%s: "yes" makes it present, with the duration said', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms.map((symptom) => [symptom.name, symptom.duration?.text ?? null])).toEqual([['fever', '1 day']]);
  });

  it.each(shapes([['Patient', 'I have had this cough.'], ['Doctor', 'How long?'], ['Patient', 'Uh, six days.']]))('%s: a bare "six days" answers how long', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms.map((symptom) => [symptom.name, symptom.duration?.text ?? null])).toEqual([['cough', '6 days']]);
  });

  it.each(shapes([['Doctor', 'Just to confirm, no chest pain or difficulty breathing?'], ['Patient', 'Right.']]))('%s: agreeing with a negated question denies', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], ['chest pain', 'shortness of breath']]);
  });

  it.each(shapes([['Doctor', 'Okay, can you tell me if you have any fever or chills?'], ['Patient', 'Nope.']]))('%s: "tell me if" asks, it is no condition', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['fever', 'chills']);
  });

  it.each(shapes([['Doctor', 'Are you having any other symptoms, such as chest pain or shortness of breath?'], ['Patient', 'No, nothing like that.']]))('%s: "such as" in a question lists what it asks', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['chest pain', 'shortness of breath']);
  });

  it.each(shapes([['Doctor', 'Anything else?'], ['Guest_family', 'No rash or anything either.']]))('%s: "or anything" after a denial is said, not asked', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['rash']);
  });

  it.each(shapes([['Doctor', "Isn't this your second episode of blood in the urine this month?"], ['Patient', 'Yes, doctor.']]))('%s: "yes" to a negative question affirms', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([['blood in urine'], []]);
  });

  it.each(shapes([['Doctor', 'Was this the first time you had a headache like this?'], ['Patient', 'No.']]))('%s: "no" to a question about a quality of the finding denies nothing', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Fever or chills?'], ['Patient', 'No.']]))('%s: a bare list of findings answered "no" was a question', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], ['fever', 'chills']]);
  });

  it.each(shapes([['Doctor', 'Have you had any fever at all?'], ['Patient', 'It started after I came back from holiday.']]))('%s: a question answered neither way records nothing', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], []]);
  });

  it.each(shapes([['Doctor', 'What happens when you take ibuprofen?'], ['Patient', 'I get a rash all over.']]))('%s: a medicine asked about is not a medication', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.medications).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Are you allergic to any medicines?'], ['Patient', 'Yes, penicillin.'], ['Doctor', 'Anything else?'], ['Patient', 'Naproxen, I think.'], ['Doctor', 'And what do you take for your blood pressure?'], ['Patient', 'Amlodipine.']]))('%s: allergens listed over several turns are not medications', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.medications)).toEqual(['amlodipine']);
  });

  it.each(shapes([['Doctor', 'Any medical problems running in your family?'], ['Patient', 'Oh yes, diabetes.']]))('%s: the answer to a family question is family history', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.symptoms)]).toEqual([[], []]);
  });
});

describe('questions after an unpunctuated lead-in (recogniser shape)', () => {
  it.each(shapes([['Doctor', "So let's see here. Any history of high blood pressure or diabetes?"], ['Patient', 'No, sir.']]))('%s: "here any history of" asks, "no" denies', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], ['hypertension', 'diabetes mellitus']]);
  });

  it.each(shapes([['Doctor', 'Okay, so tell me, any weakness or dizziness?'], ['Patient', 'No.']]))('%s: "tell me any" asks', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], ['weakness', 'dizziness']]);
  });

  it.each(shapes([['Doctor', 'Let me examine you, can you sit up here? Any chest pain?'], ['Patient', 'No.']]))('%s: a question after an instruction is still asked', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], ['chest pain']]);
  });

  it.each(shapes([['Doctor', 'Ever been diagnosed with asthma?'], ['Patient', 'No, I have not.']]))('%s: "ever been diagnosed" asks without a subject', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], ['asthma']]);
  });

  it.each(shapes([['Doctor', 'Yeah, good thing you came, we need to treat it. Did you experience any chills or fever?'], ['Patient', 'No.']]))('%s: a question run on from the clause before still asks', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], ['chills', 'fever']]);
  });

  it.each(shapes([['Doctor', 'So your gait is fine. Any stroke in the past?'], ['Patient', 'No, nothing like that.']]))('%s: "any" after a statement opens a question', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], ['stroke']]);
  });

  it.each(shapes([['Doctor', 'Okay, um, tell me if you had any allergies, sneezing or runny nose.'], ['Patient', 'No, not really.']]))('%s: "tell me if" asks', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms).toEqual([]);
    expect(names(emr.absent_symptoms)).toEqual(expect.arrayContaining(['sneezing', 'runny nose']));
  });

  it.each([
    ['i do not have any fever', false],
    ['he denies any recent fever', false],
    ['no fever or any chills', false],
    ['i have not had headaches any more', false],
  ])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal) !== undefined).toBe(question);
  });

  it.each([
    ['were diagnosed with a thing called multiple sclerosis', true],
    ['i was diagnosed with multiple sclerosis', false],
    ['i have been told i have asthma', false],
  ])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal) !== undefined).toBe(question);
  });
});

describe("clinicians' words for common complaints", () => {
  it('reads emesis, otalgia, syncope, malaise and bodyaches as the lay complaints they name', async () => {
    const emr = await emrOf('Doctor: So two episodes of emesis overnight, some left otalgia, and one syncopal episode at work?\nPatient: Yes, and general malaise and bodyaches since Sunday.');
    expect(names(emr.symptoms).sort()).toEqual(['body ache', 'ear pain', 'fainting', 'fatigue', 'vomiting']);
  });
});

describe('medicines said the way patients say them', () => {
  it.each(shapes([['Doctor', 'What are you taking for allergies?'], ['Patient', 'Claritin.']]))('%s: a medicine taken for allergies is a medication, not an allergen', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.medications)).toEqual(['loratadine']);
  });

  it.each(shapes([['Doctor', 'Are you allergic to any medicines?'], ['Patient', 'Penicillin.']]))('%s: the answer to an allergy question stays an allergen', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.medications).toEqual([]);
  });

  it('reads "thyroid meds" as levothyroxine', async () => {
    const emr = await emrOf('Doctor: Are you taking any medications?\nPatient: Yes, I am taking thyroid meds and Lipitor.');
    expect(names(emr.medications).sort()).toEqual(['atorvastatin', 'levothyroxine']);
  });
});

describe('durations as people say them', () => {
  it.each([
    ['I have had this cough for a couple of hours.', '2 hours'],
    ['I have had a cough for a week or so.', '1 week'],
    ['i have had a cough for about a day now', '1 day'],
    ['The cough has been there for the past two weeks.', '2 weeks'],
    ['I have had a cough since yesterday.', '1 day'],
  ])('%s → %s', async (sentence, duration) => {
    const emr = await emrOf(sentence);
    expect(emr.symptoms.map((symptom) => symptom.duration?.text ?? null)).toEqual([duration]);
  });

  it('a question with no answer after it records nothing (the recogniser\'s "right okay um have you had any fever at all")', async () => {
    const emr = await emrOf('right okay um have you had any fever at all');
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], []]);
  });
});

describe('who speaks and what a question takes for granted', () => {
  it.each(shapes([['Doctor', 'Thank you, and how long have you had this left knee pain?'], ['Patient', 'About two weeks.']]))('%s: a question about "this knee pain" presupposes it', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.symptoms.map((symptom) => [symptom.name, symptom.duration?.text ?? null])).toEqual([['knee pain', '2 weeks']]);
  });

  it('"any blood in your vomit" asks about blood and presupposes no vomiting', async () => {
    const emr = await emrOf('Doctor: Any blood in your vomit?\nPatient: No.');
    expect(names(emr.symptoms)).toEqual([]);
  });

  it('a relative speaking for the patient speaks of the patient', async () => {
    const emr = await emrOf('Doctor: What brings her in today?\nGuest_family: My mother is hard of hearing and has a cough.');
    expect(names(emr.symptoms)).toEqual(['hearing loss', 'cough']);
  });

  it('after a family question, third-person answers stay family history', async () => {
    const emr = await emrOf('Doctor: Does anyone in your family have any medical problems?\nPatient: My dad had a stroke.\nDoctor: Anything else?\nPatient: He also had diabetes.\nDoctor: And do you have any fever?\nPatient: Yes.');
    expect([names(emr.diagnoses), names(emr.symptoms)]).toEqual([[], ['fever']]);
  });
});

describe('the context of every mention (ConText categories)', () => {
  it.each([
    ['negated before', 'I also have a headache, but no cough.', { symptoms: ['headache'], absent: ['cough'] }],
    ['negated before, recogniser shape', 'i also have a headache but no cough', { symptoms: ['headache'], absent: ['cough'] }],
    ['negated list past the word window', 'He denies any recent symptoms of fever or shortness of breath, cough, vomiting, diarrhea or night sweats.', { symptoms: [], absent: ['fever', 'shortness of breath', 'cough', 'vomiting', 'diarrhoea', 'night sweats'] }],
    ['hypothetical: safety-net advice', 'If you develop any weakness or numbness, come straight back.', { symptoms: [], absent: [] }],
    ['hypothetical: watch out for', 'Watch out for a high temperature or a rash.', { symptoms: [], absent: [] }],
    ['explanatory: things like', 'The blood test looks at things like anaemia and thyroid problems.', { symptoms: [], absent: [], diagnoses: [] }],
    ['explanatory: can cause', 'This tablet can cause nausea and dizziness in some people.', { symptoms: [], absent: [] }],
    ['feared', 'I thought I was gonna have a heart attack.', { symptoms: [], diagnoses: [] }],
    ['historical', 'I used to get headaches as a teenager.', { symptoms: [] }],
    ['someone else', 'My mother has diabetes and high blood pressure.', { diagnoses: [] }],
    ['ruled out', "It doesn't look like septic arthritis.", { diagnoses: [], absent: [] }],
    ['loose synonym kept behind context', 'We will check the acidity of your urine.', { symptoms: [] }],
    ['lay wording', 'It hurts when I pee and there is a ringing in my ear.', { symptoms: ['painful urination', 'tinnitus'] }],
  ] as const)('%s: %s', async (_, sentence, expected) => {
    const emr = await emrOf(sentence);
    const seen: Record<string, string[]> = { symptoms: names(emr.symptoms), absent: names(emr.absent_symptoms), diagnoses: names(emr.diagnoses) };
    for (const [field, value] of Object.entries(expected)) expect([field, seen[field]]).toEqual([field, value]);
  });

  it.each([
    ['might be', 'It might be a urinary tract infection.'],
    ['could be', 'This could be a migraine.'],
    ['i wonder whether', 'I wonder whether this is sinusitis.'],
  ])('hedged with "%s": suspected', async (_, sentence) => {
    const emr = await emrOf(sentence);
    expect(emr.diagnoses.map((diagnosis) => diagnosis.certainty)).toEqual(['suspected']);
  });

  it('reads drug brands and classes as their generic names', async () => {
    const emr = await emrOf('I take Piriton and co-codamol, and I was given antibiotics last week.');
    expect(names(emr.medications)).toEqual(['chlorphenamine', 'codeine and paracetamol', 'antibacterials for systemic use']);
  });
});
