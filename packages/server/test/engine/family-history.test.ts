import { describe, expect, it } from 'vitest';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13: a relative's condition is family history, not the patient's, however the talk names the relative; and the
// patient's own findings said in the same breath stay the patient's. Each exchange in three shapes (labels, none, and
// the recogniser's lower case without punctuation).
describe('relatives’ conditions are not the patient’s', () => {
  const cases: [string, [string, string][]][] = [
    [
      'a relative named in the sentence before ("I lost my brother as well. He passed away from a brain tumour.")',
      [
        ['Doctor', 'I am so sorry to hear that.'],
        ['Patient', 'I lost my brother as well. He passed away from a brain tumor when he was nine years old.'],
      ],
    ],
    [
      'a relative named in the sentence before, after a question about the "familial history"',
      [
        ['Doctor', 'Okay, great. Can you tell me about your familial history?'],
        ['Patient', "Yes. So let's start with my mom. She died of congestive heart failure."],
      ],
    ],
    [
      'a relative named in the sentence before, the talk not yet of the family',
      [
        ['Doctor', 'How have you been?'],
        ['Patient', 'Not great. My dad was in hospital last month. He had a heart attack.'],
      ],
    ],
    [
      'a count of relatives ("four of them") while the talk is of the family',
      [
        ['Doctor', 'And do you have siblings?'],
        ['Patient', 'Believe it or not, I had eleven siblings.'],
        ['Doctor', 'Wow, I am so sorry.'],
        ['Patient', 'Four of them to diabetes.'],
      ],
    ],
    [
      'a relative named in the turn before and asked about again ("what kind of cancer?")',
      [
        ['Doctor', 'Has anyone in your family been diagnosed with any medical conditions?'],
        ['Patient', 'My mom has lumps in her breast but they are benign. My granny on my father side had cancer.'],
        ['Doctor', 'What kind of cancer, do you know?'],
        ['Patient', 'Well, it was breast cancer.'],
      ],
    ],
    [
      'a family-history talk continued without naming the family ("How about cancer?")',
      [
        ['Doctor', 'Does anyone in your family have heart problems?'],
        ['Patient', 'No.'],
        ['Doctor', 'How about cancer?'],
        ['Patient', 'Two of my cousins had breast cancer.'],
        ['Doctor', "Still, that's helpful, thank you. What about diabetes?"],
        ['Patient', 'Yes, there is some diabetes, but I cannot remember who.'],
      ],
    ],
    [
      'the family named in a statement before the question ("let\'s talk about your family history")',
      [
        ['Doctor', "Now, let's talk about your family history. Have any of them had cancer?"],
        ['Patient', 'Actually, yes, a few of them have.'],
      ],
    ],
    [
      '"runs in your family" said after the term',
      [
        ['Doctor', 'You mentioned that cancer runs in your family. What type of cancer?'],
        ['Patient', 'Skin cancer.'],
      ],
    ],
    [
      'a question that knows who ("Do you know what he had?") and a term the doctor repeats',
      [
        ['Doctor', 'Has anyone in your family had heart disease?'],
        ['Patient', 'Actually, my dad passed away due to heart disease.'],
        ['Doctor', 'Do you know what kind of heart problem he had?'],
        ['Patient', 'Yeah, it was called co-'],
        ['Doctor', 'Oh, coronary heart disease?'],
        ['Patient', 'Yes, exactly!'],
      ],
    ],
    [
      'plural relatives and a pronoun for them ("what about your daughters?" / "they both have cancer")',
      [
        ['Doctor', 'That is great, what about your daughters?'],
        ['Patient', 'Well, they are sixty and fifty eight, and they both have cancer.'],
        ['Doctor', 'Are there any other conditions you are aware of?'],
        ['Patient', 'Oh yeah, we have it all, high blood pressure, depression, it is all there.'],
      ],
    ],
    [
      'a family member speaking names "your grandfather"',
      [
        ['Patient', 'Mom, do you know if anyone else in the family gets them?'],
        ['Guest_family', 'Your grandfather had migraines.'],
      ],
    ],
  ];
  for (const [name, turns] of cases) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} (${shape})`, async () => {
        const emr = await emrOf(transcript);
        expect([names(emr.diagnoses), names(emr.symptoms)]).toEqual([[], []]);
      });
    }
  }
});

describe('the patient’s own findings beside a relative’s stay the patient’s', () => {
  for (const [shape, transcript] of shapes([
    ['Doctor', 'Any family history of heart disease?'],
    ['Patient', 'My mother had a stroke. No, but I have high blood pressure myself.'],
  ])) {
    it(`a first-person clause in the answer to a family question (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.diagnoses)).toEqual(['hypertension']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'Does anyone in your family have any medical problems?'],
    ['Patient', 'My dad had a stroke.'],
    ['Doctor', 'Okay. Do you have any chest pain yourself?'],
    ['Patient', 'Yes, some chest pain.'],
  ])) {
    it(`a question put to the patient ends the family talk (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect([names(emr.diagnoses), names(emr.symptoms)]).toEqual([[], ['chest pain']]);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Patient', 'My head is hurting so much.'],
    ['Guest_family', 'Hi doctor, she is my mother. Her dementia has progressed.'],
  ])) {
    it(`a relative who introduces the patient speaks of the patient (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.diagnoses)).toEqual(['dementia']);
    });
  }

  for (const [shape, transcript] of shapes([
    ['Doctor', 'How are you today?'],
    ['Patient', 'My wife made me come in. I have had a cough for a week.'],
    ['Doctor', 'Any fever?'],
    ['Patient', 'Yes.'],
  ])) {
    it(`a relative named without their health starts no family talk (${shape})`, async () => {
      const emr = await emrOf(transcript);
      expect(names(emr.symptoms)).toEqual(['cough', 'fever']);
    });
  }
});

// Issue 13: a relative who reports the patient's finding ("my wife says I snore", "she said I had diarrhea") or speaks
// of the patient ("his mother here: he had a fever") gives the patient's history, not the family's; only a relative's
// own condition is family history.
describe('a relative reporting the patient’s finding reports the patient’s', () => {
  const cases: [string, [string, string][], string[]][] = [
    ['a relative asked about, who said what the patient had', [['Doctor', 'Did your mother tell you anything?'], ['Patient', 'She said I had diarrhea.']], ['diarrhoea']],
    ['a relative who noticed it', [['Doctor', 'What brings you in today?'], ['Patient', 'My daughter noticed that I was confused.']], ['confusion']],
    ['a relative who says it, with a finding the lexicon names by a verb', [['Doctor', 'What brings you in today?'], ['Patient', 'My wife says I snore and I stop breathing at night.']], ['snoring']],
    ['a relative reporting it with "that I"', [['Doctor', 'Do you snore?'], ['Patient', 'I do not know myself, but my daughter was teasing me the other day that I was snoring.']], ['snoring']],
    ['a relative reporting during the family talk', [['Doctor', 'Any family history?'], ['Patient', 'My dad had a stroke and my mom told me I had a rash last week.']], ['rash']],
    ['a relative who says who they are before speaking of the patient', [['Doctor', 'What happened?'], ['Guest_family', 'His mother here. He had a fever last night.']], ['fever']],
  ];
  for (const [name, turns, symptoms] of cases) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} (${shape})`, async () => {
        const emr = await emrOf(transcript);
        expect([names(emr.symptoms), names(emr.diagnoses)]).toEqual([symptoms, []]);
      });
    }
  }

  const relatives: [string, [string, string][]][] = [
    ['a relative’s own condition', [['Doctor', 'Any family history?'], ['Patient', 'My mother has diabetes and my father had a heart attack.']]],
    ['a relative’s advice to be checked', [['Doctor', 'Any family history?'], ['Patient', 'My mother thinks I should get checked for diabetes.']]],
  ];
  for (const [name, turns] of relatives) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} is not the patient’s (${shape})`, async () => {
        const emr = await emrOf(transcript);
        expect([names(emr.symptoms), names(emr.diagnoses)]).toEqual([[], []]);
      });
    }
  }
});

// A relative who speaks for the patient may speak of their own health or of another relative: only that is not the
// patient's. Labelled as the relative, or saying who they are ("husband here"), so each shape keeps the speaker.
describe('a relative who speaks for the patient, on their own or another relative’s health', () => {
  const cases: [string, [string, string][], string[][]][] = [
    ['the speaker’s own condition', [['Doctor', 'Hello, what brings you in?'], ['Guest_family', 'Hi, husband here. She has had chest pain since Monday. I had a cold last week myself.']], [['chest pain'], []]],
    ['another of the patient’s relatives', [['Doctor', 'How is he doing?'], ['Guest_family', 'Hi, mom here. He has a bad cough. His brother had the flu last week.']], [['cough'], []]],
  ];
  for (const [name, turns, expected] of cases) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} is not the patient’s (${shape})`, async () => {
        const emr = await emrOf(transcript);
        expect([names(emr.symptoms), names(emr.diagnoses)]).toEqual(expected);
      });
    }
  }

  it.each([
    ['I had to take her in because she was vomiting.', ['vomiting']],
    ['I have noticed a rash on her arm.', ['rash']],
    ['His dad and I noticed he was coughing at night.', ['cough']],
    ['She has had a fever since Monday. I have asthma myself.', ['fever']],
  ])('labelled Guest_family: "%s" → the patient’s %j', async (sentence, symptoms) => {
    const emr = await emrOf(`Doctor: How is she doing?\nGuest_family: ${sentence}`);
    expect([names(emr.symptoms), names(emr.diagnoses)]).toEqual([symptoms, []]);
  });
});

// A part of the patient's own as a clause's subject ("my left elbow is killing me") is the patient speaking of
// themselves, even in the answer to a question that names other people; "my whole family has" is not.
describe('a part of the patient’s own is the patient’s', () => {
  const cases: [string, [string, string][], string[]][] = [
    ['after a question naming other people', [['Doctor', 'So you hurt your elbow in a fight with some other kids at school?'], ['Patient', 'Yeah. My left elbow is killing me.']], ['elbow pain']],
    ['after a relative in the answer to a family question', [['Doctor', 'Does anyone in your family have asthma?'], ['Patient', 'My brother does. My chest is fine though, but my knee hurts.']], ['knee pain']],
    ['not the whole family', [['Doctor', 'Any family history?'], ['Patient', 'My whole family has high blood pressure.']], []],
  ];
  for (const [name, turns, symptoms] of cases) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} (${shape})`, async () => {
        const emr = await emrOf(transcript);
        expect([names(emr.symptoms), names(emr.diagnoses)]).toEqual([symptoms, []]);
      });
    }
  }
});
