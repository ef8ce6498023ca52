import { describe, expect, it } from 'vitest';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13, denied-finding precision: what a negation or a "no" does not deny. Each case is a real-looking exchange,
// typed with labels, typed without, and as a recogniser writes it.

describe('answers that are not a "no"', () => {
  it.each(shapes([['Doctor', 'Did you have any nausea or vomiting?'], ['Patient', "I don't know."]]))('%s: "i do not know" denies nothing', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([[], []]);
  });

  it.each(shapes([['Doctor', 'Have you had any chest pain?'], ['Patient', 'Um, I am not sure.']]))('%s: "not sure" denies nothing', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Do you think this could be acid reflux?'], ['Patient', 'No, I take Tums for that.']]))('%s: "no" to a diagnosis wondered about rules it out, it is no denial', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });
});

describe('a "no" before a clause with its own negation', () => {
  it.each(shapes([['Doctor', 'Any fever? How is your sleep?'], ['Patient', "No, sir, I'm not able to sleep at all."]]))('%s: "no, i am not able to sleep" says the sleep difficulty', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([['sleep difficulty'], ['fever']]);
  });
});

describe('a "no" said of one term', () => {
  it.each(shapes([['Doctor', 'How about headaches or migraine?'], ['Patient', 'No headache.']]))('%s: "no headache" denies the headache, not the migraine', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['headache']);
  });

  it.each(shapes([['Doctor', 'Any nausea, vomiting or diarrhea?'], ['Patient', 'No nausea, nothing else.']]))('%s: with "nothing else" it denies the rest too', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms).sort()).toEqual(['diarrhoea', 'nausea', 'vomiting']);
  });

  it.each(shapes([['Doctor', 'Any chest pain, or difficulty breathing?'], ['Patient', 'No pain, I can breathe well.']]))('%s: "no pain" to "chest pain or breathing" is a plain no to both', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms).sort()).toEqual(['chest pain', 'shortness of breath']);
  });
});

describe('where a negation stops', () => {
  it.each(shapes([['Doctor', 'Have you had any more weakness on that side?'], ['Patient', 'No, not since I had the stroke.']]))('%s: "not since i had the stroke" does not deny the stroke', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).not.toContain('stroke');
    expect(names(emr.diagnoses)).toEqual(['stroke']);
  });

  it.each(shapes([['Patient', 'No wheezing at night because my asthma is well controlled now.']]))('%s: a "because" clause is outside the negation', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['wheezing']);
    expect(names(emr.diagnoses)).toEqual(['asthma']);
  });

  it.each(shapes([['Patient', 'I have never felt palpitations like this.']]))('%s: "never ... like this" says the finding is there now', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([['palpitations'], []]);
  });

  it.each(shapes([['Patient', 'I have never had palpitations before.']]))('%s: "never ... before" without "like this" still denies', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['palpitations']);
  });

  it.each(shapes([['Patient', 'There is not a day without a headache.']]))('%s: "without" inside a negation cancels it', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([['headache'], []]);
  });

  it.each(shapes([['Doctor', "Well, I don't think there is any sign of a heart attack, so that is good."]]))('%s: a clinician\'s "i do not think there is" rules a diagnosis out, it is no denial', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], []]);
  });

  it.each(shapes([['Doctor', 'Any other medical problems?'], ['Patient', "I don't think I have diabetes, but my sugar was a bit high last year."]]))('%s: the patient\'s own "i do not think i have" still denies', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], ['diabetes mellitus']]);
  });

  it.each(shapes([['Doctor', "I don't think you have a stomach ulcer."]]))('%s: a clinician\'s "i do not think you have" rules it out', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect([names(emr.diagnoses), names(emr.absent_symptoms)]).toEqual([[], []]);
  });

  it.each(shapes([['Patient', 'No, not a wet cough, but my back hurts when I breathe in.']]))('%s: "not a wet cough" denies the quality, not the cough', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });
});

describe('a term that names where something else is found', () => {
  it.each(shapes([['Doctor', 'What about blood in your vomit or stool?'], ['Patient', 'Nope.']]))('%s: "no" to "blood in your vomit" does not deny vomiting', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).not.toContain('vomiting');
  });

  it.each(shapes([['Patient', 'There was no blood in the vomit.']]))('%s: "no blood in the vomit" does not deny vomiting', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });
});

describe('places named after "pain in" are no specimen', () => {
  it.each(shapes([['Doctor', 'Any pain in your knees or ankles?'], ['Patient', 'No.']]))('%s: "no" to "pain in your knees or ankles" denies both', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms).sort()).toEqual(['ankle pain', 'knee pain']);
  });
});

describe('the recogniser\'s "now" for a short "no"', () => {
  it.each(shapes([['Doctor', 'Any fever?'], ['Patient', 'Now.']]))('%s: "now" alone after a yes-or-no question is a "no"', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['fever']);
  });

  it.each(shapes([['Doctor', 'Have you had any chills?'], ['Patient', 'Now I do not.']]))('%s: "now" then a denial is a "no"', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual(['chills']);
  });

  it.each(shapes([['Doctor', 'Any cough?'], ['Patient', 'Now it is getting worse at night.']]))('%s: "now" opening a clause is temporal', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });

  it.each(shapes([['Doctor', 'How long have you had the rash?'], ['Patient', 'Now.']]))('%s: "now" to a question asking for a fact denies nothing', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.absent_symptoms)).toEqual([]);
  });
});
