import { describe, expect, it } from 'vitest';
import { emrOf, names, shapes } from './extractor-test-support.js';

// What is not a current complaint of the patient (issue 13): ended findings, the doctor's plan, a counterfactual,
// other people's findings; and a parent asked about "your son" speaks of the patient, not of a relative.
describe('complaints are the patient’s current ones', () => {
  for (const [shape, transcript] of shapes([
    ['Doctor', 'How have you been since the last visit?'],
    ['Patient', 'I had a fever last week but it is gone now. The swelling in my ankle went away too. I still have a cough.'],
  ])) {
    it(`leaves out findings said to have ended (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['cough']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'How is the swelling in your ankle doing?'],
    ['Patient', 'It has not gone away, it went away for a day but then it came back.'],
  ])) {
    it(`keeps a finding that has not gone away or came back (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toContain('swelling');
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Any rashes or headaches lately?'],
    ['Patient', 'I have a headache today. The rash and the itching have cleared up.'],
  ])) {
    it(`ends only the findings listed before the phrase (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['headache']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'I would advise getting an orthotic for your shoes to help with the heel pain.'],
    ['Patient', 'Okay, I will do that.'],
    ['Doctor', 'We will also give you something to treat the infection and to ease the swelling. Fatigue is a common symptom of allergies, and headaches can be a side effect of this spray.'],
  ])) {
    it(`reads the doctor's plan and explanations as no complaint (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual([]);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Did he have any nausea after he ate?'],
    ['Guest_family', 'Thankfully, no. I would have made my husband clean up the vomit.'],
  ])) {
    it(`reads a counterfactual as no finding (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual([]);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'I have seen a lot of people with a bad cough this week, and some people get a fever too.'],
    ['Patient', 'I see. My knee is hurting.'],
  ])) {
    it(`reads other people the doctor speaks of as not the patient (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['knee pain']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Can you tell me more about your son, please?'],
    ['Guest_family', 'Well, he is seven years old, and he has had diarrhea for four days, and he has been throwing up for three days.'],
    ['Patient', 'Yeah, my brother has been doing this too.'],
    ['Doctor', 'Has he had any fever?'],
    ['Guest_family', 'Yes, he had a fever of one hundred three last night.'],
  ])) {
    it(`reads a parent's answer about "your son" as the patient's (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['diarrhoea', 'vomiting', 'fever']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Does anyone in your family, like your son or your mother, have diabetes or asthma?'],
    ['Patient', 'My son has asthma.'],
  ])) {
    it(`still reads a family-history question about a son as family history (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.diagnoses)).toEqual([]);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Let me go over your results. Your urine test showed blood in your urine, so we will look into that.'],
    ['Patient', 'Okay. My back hurts too.'],
  ])) {
    it(`reads a finding the doctor reads from a test result as no complaint (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['back pain']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Do you feel tired?'],
    ['Patient', 'No. I may get a little tired during hay fever season, but that is rare.'],
    ['Doctor', 'What brings you in then?'],
    ['Patient', 'My main problem is this headache.'],
  ])) {
    it(`reads what may happen as no finding (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['headache']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Tell me about the patient.'],
    ['Guest_clinician', 'He is a seventy six year old male who complains of weakness for several months. He denies any recent fever or shortness of breath cough vomiting diarrhea coughing up blood polyuria night sweats or fainting.'],
  ])) {
    it(`denies every finding of a long denied list (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['weakness']);
      expect(names(emr.absent_symptoms)).toEqual(expect.arrayContaining(['fever', 'shortness of breath', 'cough', 'vomiting', 'diarrhoea', 'frequent urination', 'night sweats', 'fainting']));
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Any fever?'],
    ['Patient', 'No fever or chills but now i have a bad cough and i get headaches every day.'],
    ['Doctor', 'Any pain anywhere?'],
    ['Patient', 'No, just ear pain and this jaw pain on the left side.'],
  ])) {
    it(`ends a denied list at a new clause (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['cough', 'headache', 'ear pain', 'jaw pain']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'How is the acid reflux?'],
    ['Patient', 'Not good. It causes a lot of chest pain, especially at night.'],
    ['Doctor', 'Reflux can cause chest pain and a cough, and this condition causes nausea too, so we will treat it.'],
  ])) {
    it(`"it causes" says what the patient's complaint does; "can cause", "this condition causes" explain (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['chest pain']);
    });
  }
});

// A how-long question takes the finding for granted even without "this" or "your" before it (issue 13, complaint
// recall): the answer about its course says nothing against it.
describe('a how-long question takes its finding for granted', () => {
  for (const [shape, transcript] of shapes([
    ['Doctor', 'How long have you been feeling weakness and fatigue?'],
    ['Patient', "Well, I'd say it's been a lot worse this week. I haven't had much of an appetite either."],
  ])) {
    it(`records the finding asked how long (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toContain('fatigue');
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'How long have you had nausea or vomiting?'],
    ['Patient', 'About two days.'],
  ])) {
    it(`leaves the other of an either-or question to the answer (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['nausea']);
    });
  }
});

// The doctor putting back what the patient said before a question ("you said ..., so what ...?") states it; only the
// part after the comma asks (issue 13, complaint recall).
describe('what the doctor repeats before a question is said', () => {
  for (const [shape, transcript] of shapes([
    ['Doctor', 'You said you are feeling dizziness, so what makes it worse?'],
    ['Patient', "It's bad whenever I try to stand straight."],
  ])) {
    it(`records the finding the patient said (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['dizziness']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'You mentioned the rash is gone, how about any itching?'],
    ['Patient', 'No, none at all.'],
  ])) {
    it(`still reads the question after the comma (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual([]);
      expect(names(emr.absent_symptoms)).toContain('itching');
    });
  }
});

// A typist's "?" on the patient's statement about themselves (a rising voice) asks nothing (issue 13, complaint recall).
describe('a statement typed with a question mark is said', () => {
  for (const [shape, transcript] of shapes([
    ['Doctor', 'How about fever, chills, nausea, vomiting, diarrhea, anything like that? Are you sleeping well?'],
    ['Patient', 'Everything is fine except some chills? I am sleeping okay.'],
  ])) {
    it(`records the finding said with a rising voice (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['chills']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'You have had a fever?'],
    ['Patient', 'No, not at all.'],
  ])) {
    it(`still reads the doctor's statement put as a question as asking (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual([]);
      expect(names(emr.absent_symptoms)).toEqual(['fever']);
    });
  }
});
