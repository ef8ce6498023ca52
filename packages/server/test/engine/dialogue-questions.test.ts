import { describe, expect, it } from 'vitest';
import { endsWithTag, findAddressedStatement, findQuestionStart, readAnswer } from '../../src/processing/extractors/rules/find-question.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13: what a doctor asks is not what the patient has. Each case is a real-looking exchange, typed with speaker
// labels, typed without, and as a recogniser writes it (lower case, no punctuation).

// Present (symptoms and diagnoses), denied, and medications.
async function findingsOf(transcript: string): Promise<[string[], string[], string[]]> {
  const emr = await emrOf(transcript);
  return [[...names(emr.symptoms), ...names(emr.diagnoses)], names(emr.absent_symptoms), names(emr.medications)];
}

describe('questions in a statement\'s form', () => {
  it.each(shapes([['Doctor', 'And you get urine infections too?'], ['Patient', 'Yes.']]))('%s: "yes" to a declarative question affirms it', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['urinary tract infection'], [], []]);
  });

  it.each(shapes([['Doctor', 'And you get urine infections too?'], ['Patient', 'No, I do not.']]))('%s: "no" to a declarative question denies it', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['urinary tract infection'], []]);
  });

  it.each(shapes([['Doctor', 'So no fever?'], ['Patient', 'No.']]))('%s: "so no fever" / "no" is a denial, never a symptom', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['fever'], []]);
  });

  it.each(shapes([['Doctor', 'I see you took amoxicillin, right?'], ['Patient', "No, I didn't."]]))('%s: a stated-and-asked medicine the patient denies is no medication', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], [], []]);
  });

  it.each(shapes([['Doctor', 'I see you took amoxicillin, right?'], ['Patient', 'Yes.']]))('%s: confirmed, it is one', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], [], ['amoxicillin']]);
  });

  it.each(shapes([['Doctor', 'You have a history of hepatitis C, correct?'], ['Patient', "If it's on there, then it's true."]]))('%s: a tag question stands unless the answer says no', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['hepatitis'], [], []]);
  });

  it.each(shapes([['Doctor', 'You are on blood thinners, right? That is Coumadin therapy, or am I wrong here?'], ['Patient', 'No, you are right.']]))('%s: "no, you are right" agrees', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['warfarin']);
  });

  it.each(shapes([['Doctor', 'Okay, and you have been having headaches. Any nausea or vomiting?'], ['Patient', 'No.']]))('%s: without sentence boundaries the statement stays said and the question asked', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['headache'], ['nausea', 'vomiting'], []]);
  });

  it.each(shapes([['Doctor', 'You have a urinary tract infection.'], ['Patient', 'Oh no, really?']]))('%s: "oh no" at news is dismay, not a denial', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['urinary tract infection'], [], []]);
  });
});

describe('answers to questions that ask about several things', () => {
  it.each(shapes([['Doctor', 'Any nausea or vomiting with the headaches? Any vision changes?'], ['Patient', "Yeah, it's been pretty consistent. No vision changes."]]))(
    '%s: "yeah ... no vision changes" affirms nausea and vomiting and denies vision changes',
    async (_, transcript) => {
      const [present, denied] = await findingsOf(transcript);
      expect(present).toEqual(expect.arrayContaining(['nausea', 'vomiting']));
      expect(denied).toEqual(['visual disturbance']);
    },
  );

  it.each(shapes([['Doctor', 'Do you have diabetes or high blood pressure?'], ['Patient', 'Yes, I have high blood pressure but no diabetes.']]))('%s: a "yes" that names one and denies another', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['hypertension'], ['diabetes mellitus'], []]);
  });

  it.each(shapes([['Doctor', 'Have you had a fever, chills, vomiting or diarrhea?'], ['Patient', 'I think I have a fever, I have had some diarrhea.']]))('%s: an answer that affirms some by name leaves the rest unsaid', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['fever', 'diarrhoea'], [], []]);
  });

  it.each(shapes([['Doctor', 'Do you take Diovan, Norvasc, Wellbutrin?'], ['Patient', 'Yes, and the Wellbutrin is an inhaler.']]))('%s: a plain "yes" answers the whole list', async (_, transcript) => {
    expect((await findingsOf(transcript))[2].sort()).toEqual(['amlodipine', 'bupropion', 'valsartan']);
  });
});

describe('turns that ask several questions', () => {
  it.each(shapes([['Doctor', 'Okay, any difficulty swallowing? Let me check here, lymph nodes look fine. And do you bleed easily?'], ['Patient', 'Oh yes.']]))(
    '%s: "yes" answers the last question',
    async (_, transcript) => {
      expect((await findingsOf(transcript))[0]).toEqual([]);
    },
  );

  it.each(shapes([['Doctor', 'Do you have any fever? How high was it?'], ['Patient', 'Yes, a hundred and one.']]))('%s: a question asking for a fact takes no "yes"', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['fever']);
  });

  it.each(shapes([['Doctor', 'And you got right side shoulder pain? Is this something new?'], ['Patient', 'Yes. That is right.']]))('%s: a question about "this" asks about the finding before it', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['shoulder pain']);
  });

  it.each(shapes([['Doctor', 'Any headache? What comes out of your nose?'], ['Patient', 'Yes, I had a little yesterday. Clear boogers.']]))('%s: a "what" question without a cue takes no "yes"', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['headache']);
  });

  it.each(shapes([['Doctor', 'Any fever? Any chills?'], ['Patient', 'No.']]))('%s: "no" denies them all', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['fever', 'chills'], []]);
  });

  it.each(shapes([['Doctor', 'Any neurological symptoms like a TIA? That is, slurred speech or stroke symptoms.'], ['Patient', 'Luckily, no.']]))('%s: a sentence spelling out the question asks too', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['stroke'], []]);
  });

  it('a greeting question and a complaint in one breath (recogniser): the complaint is said', async () => {
    expect((await findingsOf('hi there how are you i have a bad headache so can you please switch off the lights\nsure thing how about that'))[0]).toEqual(['headache']);
  });
});

describe('answers that are neither yes nor no', () => {
  it.each(shapes([['Doctor', 'Any headaches lately?'], ['Patient', 'It has been better now.']]))('%s: an answer about the course says it is there', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['headache'], [], []]);
  });

  it.each(shapes([['Doctor', 'Any headaches lately?'], ['Patient', 'Kind of.']]))('%s: "kind of" affirms', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['headache'], [], []]);
  });

  it.each(shapes([['Doctor', 'Are you experiencing any eye pain, blurred vision or sensitivity to light?'], ['Patient', 'The pain has gotten worse since this morning. My vision is fine.']]))(
    '%s: the course of one named finding affirms no other',
    async (_, transcript) => {
      expect((await findingsOf(transcript))[0]).not.toContain('blurred vision');
    },
  );

  it.each(shapes([['Doctor', 'Are you experiencing any other symptoms, such as nausea or diarrhea?'], ['Patient', "I've been having a stronger urge to pee, not sure if that's related."]]))(
    '%s: "i have been having" something else is no "yes"',
    async (_, transcript) => {
      const [present] = await findingsOf(transcript);
      expect(present).not.toContain('nausea');
      expect(present).not.toContain('diarrhoea');
    },
  );

  it.each(shapes([['Doctor', 'What about chest pains?'], ['Patient', 'I have had some tightness in my chest, but not right now.']]))('%s: "i have had some" affirms', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toContain('chest pain');
  });

  it.each(shapes([['Doctor', 'How much Lexapro are you taking now?'], ['Patient', 'I am taking ten mg.']]))('%s: "i am taking" affirms a medicine asked about', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([['escitalopram', '10 mg']]);
  });

  it.each(shapes([['Doctor', 'What dose of lisinopril are you on?'], ['Patient', 'Twenty milligrams once a day.']]))('%s: "what dose of" asks about the medicine named after it, and the answer is its dose', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([['lisinopril', '20 mg']]);
  });

  it.each(shapes([['Doctor', 'What dose of lisinopril are you on?'], ['Patient', "I'm not taking it anymore, I stopped it last month."]]))('%s: a medicine asked its dose and no longer taken is no medication', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], [], []]);
  });

  it.each(shapes([['Patient', "I don't remember what dose of metformin I take, maybe five hundred."]]))('%s: "what dose of" inside a statement asks nothing', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['metformin']);
  });

  it.each(shapes([['Doctor', 'Are you feeling any relief since you have been on the Lexapro?'], ['Patient', "It's helping a little bit."]]))('%s: a medicine that is helping is taken', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['escitalopram']);
  });

  it.each(shapes([['Doctor', 'Hm, and what about your diarrhea?'], ['Patient', 'No more diarrhea.']]))('%s: an answer withdraws what the question took for granted', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['diarrhoea'], []]);
  });

  it.each(shapes([['Doctor', 'How is your asthma?'], ['Patient', 'No problems, it has been fine.']]))('%s: what a question presupposes stands whatever the answer, with the answer as evidence', async (_, transcript) => {
    const emr = await emrOf(transcript);
    expect(names(emr.diagnoses)).toEqual(['asthma']);
    expect(emr.diagnoses[0]?.text.toLowerCase()).toContain('it has been fine');
  });
});

describe('a finding only asked about goes nowhere', () => {
  it.each(shapes([['Doctor', 'Who has diabetes?'], ['Patient', 'My father had diabetes.']]))('%s: "who has diabetes" asks', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], [], []]);
  });

  it.each(shapes([['Doctor', 'Did any other doctor mention that you might have coronary artery disease?'], ['Patient', 'No.']]))('%s: "did any other doctor" asks', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'And no swelling, right?'], ['Patient', 'No.'], ['Doctor', 'Fever or chills?'], ['Patient', 'I had diarrhea for a few days, but it has gotten much better.']]))(
    '%s: a bare list that answers nothing and is answered otherwise was asked',
    async (_, transcript) => {
      expect(await findingsOf(transcript)).toEqual([['diarrhoea'], ['swelling'], []]);
    },
  );

  it.each(shapes([['Patient', 'Congestion and cough.'], ['Doctor', 'Oh, how long?'], ['Patient', "It's been three weeks now."]]))('%s: a bare list followed by a question was said', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['congestion', 'cough']);
  });
});

describe('what is said around a question', () => {
  it.each([
    ['I hope this is not cancer, I am only twenty four.', [[], [], []]],
    ["Not too bad, I'm hanging in there. My asthma has been acting up.", [['asthma'], [], []]],
    ['Not great, my back is killing me.', [['back pain'], [], []]],
    ["I don't know, I woke up with this numbness on my left side.", [['numbness'], [], []]],
  ])('%s', async (sentence, expected) => {
    expect(await findingsOf(sentence)).toEqual(expected);
  });

  it.each(shapes([['Doctor', 'What brings you in today?'], ['Patient', 'My main complaint is that I feel tired all the time.']]))('%s: "is that" after a subject opens a clause, not a question', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['fatigue'], [], []]);
  });
});

describe('the forms behind these rules', () => {
  it.each([
    ['who has diabetes', true],
    ['which cancer how old were they', true],
    ['did any other doctor mention that you might have heart disease', true],
    ['i see you took amoxicillin right', true],
    ['you have a history of hepatitis c , correct ?', true],
    ['the pain is on the right', false],
    ['i do have hypertension and diabetes you know that right', false],
    ['i do not really have any pain', false],
    ['the pills which i take every day', false],
    ['the problem was that i could not sleep', false],
    ['what dose of lisinopril are you on', true],
    ['i am not sure what dose of metformin i take', false],
    ['your knee is swollen is that painful', true],
    ['why is that i feel tired', true],
  ])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal) !== undefined).toBe(question);
  });

  it.each([
    ['you took amoxicillin right', true],
    ['you have a history of hepatitis c , correct ?', true],
    ['it hurts on the right', false],
    ['that is right', false],
    ['no , you are right', false],
  ])('%s → tag: %s', (normal, tag) => {
    expect(endsWithTag(normal)).toBe(tag);
  });

  it.each([
    ['and you get urine infections too', 4],
    ['so you had a fever', 3],
    ['thank you', undefined],
    ['i will give you some antibiotics', undefined],
    ['you know it hurts', undefined],
  ])('%s → addressed statement from %s', (normal, start) => {
    expect(findAddressedStatement(normal)).toBe(start);
  });

  it.each([
    ['no you are right', 'yes'],
    ['that sounds right', 'yes'],
    ['eh kind of', 'yes'],
    ['oh no', 'no'],
    ['oh no really', null],
    ['it has been better now', null],
  ])('answer "%s" reads as %s', (normal, polarity) => {
    expect(readAnswer(normal)).toBe(polarity);
  });
});

describe('a medicine named with "the" in a question', () => {
  it.each(shapes([['Doctor', 'Are you still taking the Trizivir?'], ['Patient', 'Yes.']]))('%s: "yes" says it is taken', async (_, transcript) => {
    expect(names((await emrOf(transcript)).medications)).toEqual(['abacavir, lamivudine and zidovudine']);
  });

  it.each(shapes([['Doctor', 'Are you taking the lisinopril?'], ['Patient', 'No, I stopped it.']]))('%s: "no" says it is not', async (_, transcript) => {
    expect(names((await emrOf(transcript)).medications)).toEqual([]);
  });
});

describe('a finding said as a clause after "your" is asked, not taken for granted', () => {
  it.each(shapes([['Doctor', 'Any headaches, or your heart is beating very fast?'], ['Patient', 'No, nothing else, just the confusion.']]))('%s: "no" denies it', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['headache', 'palpitations', 'confusion'], []]);
  });

  it.each(shapes([['Doctor', 'And is your heart racing at night?'], ['Patient', 'Yes.']]))('%s: "yes" affirms it', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['palpitations'], [], []]);
  });

  it.each(shapes([['Doctor', 'How is your knee pain?'], ['Patient', 'Better, thanks.']]))('%s: a finding named as a noun after "your" is still taken for granted', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['knee pain']);
  });
});

describe('a question that opens without its subject', () => {
  it.each(shapes([['Doctor', 'Every been diagnosed with tuberculosis, asthma, or lung disease?'], ['Patient', 'No, I have not.']]))('%s: "every been diagnosed" asks, as "ever been diagnosed" does', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['respiratory tuberculosis', 'asthma'], []]);
  });

  it.each([['ever been diagnosed with asthma', true], ['every been diagnosed with asthma', true], ['i have been diagnosed with asthma', false]])('%s → question: %s', (normal, question) => {
    expect(findQuestionStart(normal) !== undefined).toBe(question);
  });
});
