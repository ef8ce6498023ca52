import { emptyEkaEmr, type EkaEmrTemplate } from '@scribe/core/templates';
import { describe, expect, it } from 'vitest';
import { countQuestionFindings, findQuestionFindings, readAnswer, readAsking, termPatterns } from '../count-question-findings';

// EMRs written by hand: the count judges the extractor's evidence against the dialogue, whatever made the EMR.
const emr = (items: { symptoms?: [string, string][]; diagnoses?: [string, string][]; medications?: [string, string, string][] }): EkaEmrTemplate =>
  ({
    ...emptyEkaEmr(),
    symptoms: (items.symptoms ?? []).map(([name, text]) => ({ name, duration: null, severity: null, icd10: null, text })),
    medications: (items.medications ?? []).map(([name, spoken, text]) => ({ name, spoken_name: spoken, atc: null, dose: null, route: null, frequency: null, duration: null, timing: null, text })),
    diagnoses: (items.diagnoses ?? []).map(([name, text]) => ({ name, icd10: null, certainty: 'stated', text })),
  }) as unknown as EkaEmrTemplate;

// Evidence as the extractor quotes it from recogniser-shaped text (lower case, no punctuation but apostrophes).
const recogniserWords = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim();

describe('countQuestionFindings: findings that count', () => {
  it('counts a symptom asked about and not affirmed, with the sentence that asked it', () => {
    const dialogue = 'Doctor: Any fever?\nPatient: I have had a cough since Monday.';
    const found = findQuestionFindings(dialogue, 'labelled', emr({ symptoms: [['fever', 'Any fever?']] }));
    expect(found).toEqual([{ field: 'symptoms', name: 'fever', evidence: 'Any fever?', sentence: 'Any fever?', answer: 'I have had a cough since Monday.' }]);
  });

  it('counts the asked term of a recogniser-shaped turn that also states something, and not the stated one', () => {
    const dialogue = 'Doctor: The X-ray shows a fracture. Have you had any fever at all?\nPatient: No, none.';
    const evidence = 'the x ray shows a fracture have you had any fever at all';
    const found = findQuestionFindings(dialogue, 'recogniser', emr({ symptoms: [['fever', evidence]], diagnoses: [['fracture', evidence]] }));
    expect(found.map((finding) => [finding.name, finding.sentence])).toEqual([['fever', 'Have you had any fever at all?']]);
  });

  it('counts a finding whose evidence is the question with its answer, when the answer says no', () => {
    const dialogue = 'Doctor: Okay. Do you get headaches?\nPatient: Not really.';
    expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [['headache', 'Do you get headaches? Not really.']] }))).toBe(1);
    expect(countQuestionFindings(dialogue, 'unlabelled', emr({ symptoms: [['headache', 'Do you get headaches? Not really.']] }))).toBe(1);
    expect(countQuestionFindings(dialogue, 'recogniser', emr({ symptoms: [['headache', 'okay do you get headaches not really']] }))).toBe(1);
  });

  it('counts a statement put for confirmation that the patient denies', () => {
    const dialogue = 'Doctor: You had asthma as a child, correct?\nPatient: No, never.';
    expect(countQuestionFindings(dialogue, 'labelled', emr({ diagnoses: [['asthma', 'You had asthma as a child, correct?']] }))).toBe(1);
  });

  it('counts strictly when the term cannot be placed in any sentence of the asking turn', () => {
    // "waterworks" is no word of "frequent urination": which sentence holds it cannot be told.
    const dialogue = 'Doctor: I will check your blood pressure. Any trouble with your waterworks?\nPatient: Hm, I am not sure.';
    expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [['frequent urination', 'Any trouble with your waterworks?']] }))).toBe(1);
  });

  it('counts a plain yes/no question answered no, even beside the cues that take a term for granted', () => {
    const cases: [string, 'symptoms' | 'medications', string, string][] = [
      ['Doctor: Are you taking metformin?\nPatient: No.', 'medications', 'metformin', 'Are you taking metformin? No.'],
      ['Doctor: Are you still taking the lisinopril?\nPatient: No, I stopped it.', 'medications', 'lisinopril', 'Are you still taking the lisinopril? No, I stopped it.'],
      ['Doctor: Do you have any numbness?\nPatient: No.', 'symptoms', 'numbness', 'Do you have any numbness? No.'],
      ['Doctor: Do you ever get times where you feel dizzy?\nPatient: Nope.', 'symptoms', 'dizziness', 'Do you ever get times where you feel dizzy? Nope.'],
      ['Doctor: Any fever or chills?\nPatient: Neither.', 'symptoms', 'fever', 'Any fever or chills? Neither.'],
      ['Doctor: Which of these do you have, fever or cough?\nPatient: None of them.', 'symptoms', 'fever', 'Which of these do you have, fever or cough? None of them.'],
    ];
    for (const [dialogue, field, name, evidence] of cases) {
      const items = field === 'medications' ? { medications: [[name, name, evidence]] as [string, string, string][] } : { symptoms: [[name, evidence]] as [string, string][] };
      expect(countQuestionFindings(dialogue, 'labelled', emr(items)), dialogue).toBe(1);
    }
  });

  it('counts a question nobody answers, and a medicine asked about by the words the extractor matched', () => {
    const dialogue = 'Patient: My chest hurts.\nDoctor: Are you taking any Advil for it?';
    expect(findQuestionFindings(dialogue, 'recogniser', emr({ medications: [['ibuprofen', 'advil', 'are you taking any advil for it']] }))).toMatchObject([{ field: 'medications', name: 'ibuprofen', answer: null }]);
  });
});

describe('countQuestionFindings: findings that do not count', () => {
  it("does not count the doctor's statement in a turn that also asks, in any shape", () => {
    const dialogue = 'Doctor: The X-ray shows a fracture. Any pain now?\nPatient: A little.';
    expect(countQuestionFindings(dialogue, 'labelled', emr({ diagnoses: [['fracture', 'The X-ray shows a fracture.']] }))).toBe(0);
    expect(countQuestionFindings(dialogue, 'recogniser', emr({ diagnoses: [['fracture', 'the x ray shows a fracture any pain now']] }))).toBe(0);
  });

  it('does not count what the answer affirms, after filler or by agreeing', () => {
    expect(countQuestionFindings('Doctor: Any back pain?\nPatient: Oh yeah. It is worse than my neck.', 'labelled', emr({ symptoms: [['back pain', 'Any back pain? Oh yeah.']] }))).toBe(0);
    const coumadin = 'Doctor: That is Coumadin therapy? Or am I wrong here?\nPatient: No, you are right.';
    expect(countQuestionFindings(coumadin, 'labelled', emr({ medications: [['warfarin', 'coumadin', 'That is Coumadin therapy? Or am I wrong here? No, you are right.']] }))).toBe(0);
  });

  it('does not count a term the question takes for granted, whatever the answer', () => {
    const cases: [string, string, string][] = [
      ['Doctor: How long have you had this cough?\nPatient: Past three weeks, doc.', 'cough', 'How long have you had this cough? Past three weeks, doc.'],
      ['Doctor: How long have you had this rash?\nPatient: Not long.', 'rash', 'How long have you had this rash? Not long.'],
      ['Doctor: Besides the pain in your back, are you having any other problems?\nPatient: No.', 'back pain', 'Besides the pain in your back, are you having any other problems?'],
    ];
    for (const [dialogue, name, evidence] of cases) expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [[name, evidence]] })), dialogue).toBe(0);
  });

  it('does not count a finding a how-long question takes for granted when a second body part shares its noun', () => {
    const dialogue = 'Doctor: How long have you had this back and buttock pain?\nPatient: It has been a while now.';
    const evidence = 'How long have you had this back and buttock pain? It has been a while now.';
    expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [['back pain', evidence]] }))).toBe(0);
    expect(countQuestionFindings(dialogue, 'recogniser', emr({ symptoms: [['back pain', recogniserWords(evidence)]] }))).toBe(0);
    // The same shared noun asked whether, and answered no, still counts.
    const asked = 'Doctor: Any back or buttock pain?\nPatient: No.';
    expect(countQuestionFindings(asked, 'labelled', emr({ symptoms: [['back pain', 'Any back or buttock pain? No.']] }))).toBe(1);
  });

  it('does not count a finding a question of place, choice or onset takes for granted, in any shape', () => {
    const cases: [string, string, string][] = [
      ['Doctor: Where are you having numbness?\nPatient: In my fingers, mostly.', 'numbness', 'Where are you having numbness? In my fingers, mostly.'],
      ['Doctor: Okay, where is your heel pain?\nPatient: On the inside.', 'heel pain', 'Okay, where is your heel pain? On the inside.'],
      ['Doctor: Which knee hurts?\nPatient: The left one.', 'knee pain', 'Which knee hurts? The left one.'],
      ["Doctor: When were you first diagnosed with Parkinson's?\nPatient: Not sure, years ago.", "parkinson's disease", "When were you first diagnosed with Parkinson's? Not sure, years ago."],
    ];
    for (const [dialogue, name, evidence] of cases) {
      expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [[name, evidence]] })), dialogue).toBe(0);
      expect(countQuestionFindings(dialogue, 'recogniser', emr({ symptoms: [[name, recogniserWords(evidence)]] })), dialogue).toBe(0);
    }
  });

  it("does not count a medicine the question takes for granted, whatever the answer", () => {
    const cases: [string, string, string][] = [
      ['Doctor: How much metformin do you take?\nPatient: I am not sure.', 'metformin', 'metformin'],
      ['Doctor: What dose of lisinopril are you on?\nPatient: I do not remember.', 'lisinopril', 'lisinopril'],
      ['Doctor: Besides the Zoloft, anything else?\nPatient: No.', 'sertraline', 'zoloft'],
      ['Doctor: Is the lisinopril helping?\nPatient: Not really.', 'lisinopril', 'lisinopril'],
      ['Doctor: When did you start the metformin?\nPatient: No idea, a while ago.', 'metformin', 'metformin'],
      ['Doctor: Any side effects from the methotrexate?\nPatient: No.', 'methotrexate', 'methotrexate'],
    ];
    for (const [dialogue, name, spoken] of cases) {
      const [question, answer] = dialogue.split('\n').map((line) => line.replace(/^\w+: /, '')) as [string, string];
      expect(countQuestionFindings(dialogue, 'labelled', emr({ medications: [[name, spoken, `${question} ${answer}`]] })), dialogue).toBe(0);
      expect(countQuestionFindings(dialogue, 'recogniser', emr({ medications: [[name, spoken, `${recogniserWords(question)} ${recogniserWords(answer)}`]] })), dialogue).toBe(0);
    }
  });

  it('does not count each item of an "X or Y?" question the answer affirms with "both"', () => {
    for (const answer of ['Both.', 'Both of them.', 'Yes, both.', 'Um, both.']) {
      const dialogue = `Doctor: Do you have fever or chills?\nPatient: ${answer}`;
      const evidence = `Do you have fever or chills? ${answer}`;
      expect(countQuestionFindings(dialogue, 'labelled', emr({ symptoms: [['fever', evidence], ['chills', evidence]] })), answer).toBe(0);
    }
  });

  it('does not count a term stated before the question of the same sentence, nor a confirmation left standing', () => {
    const stated = 'Doctor: I see you have asthma, have you had any medication for this?\nPatient: No, I have not.';
    expect(countQuestionFindings(stated, 'recogniser', emr({ diagnoses: [['asthma', 'i see you have asthma have you had any medication for this']] }))).toBe(0);
    const standing = "Doctor: You had asthma, correct?\nPatient: If it's on there, then it's true.";
    expect(countQuestionFindings(standing, 'labelled', emr({ diagnoses: [['asthma', "You had asthma, correct? If it's on there, then it's true."]] }))).toBe(0);
  });

  it("does not count a patient's question", () => {
    expect(countQuestionFindings('Doctor: What brings you in?\nPatient: Could this be asthma?', 'labelled', emr({ diagnoses: [['asthma', 'Could this be asthma?']] }))).toBe(0);
  });
});

describe('readAnswer and readAsking', () => {
  it('reads how an answer opens after filler', () => {
    expect(['Um, yeah.', 'Actually yes, I have migraines.', "That's right.", 'No, you are right.', 'Both of them.'].map(readAnswer)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['No.', 'Um not right away.', "I haven't.", 'Nope, never.'].map(readAnswer)).toEqual(['no', 'no', 'no', 'no']);
    expect(['Past three weeks.', 'It has been improving.', 'The one on my wrist?'].map(readAnswer)).toEqual(['neither', 'neither', 'neither']);
  });

  it('tells a question that asks whether a finding is there from one that states it or takes it for granted', () => {
    const fever = termPatterns('fever');
    expect(readAsking('Have you had any fever at all?', fever)).toBe('asked');
    expect(readAsking('Fever, chills, anything like that?', fever)).toBe('asked');
    expect(readAsking('How long have you been running a fever?', fever)).toBe('granted');
    expect(readAsking('And did you give him anything for the fever?', fever)).toBe('granted');
    expect(readAsking('You had a fever last week, right?', fever)).toBe('offered');
    expect(readAsking('You said you had a fever, so what makes it worse?', fever)).toBe('stated');
    // "your" belongs to the phrase here; the question asks whether the heart races.
    expect(readAsking('Any headaches, or your heart is beating very fast?', termPatterns('palpitations'))).toBe('asked');
    expect(readAsking('Where are you having numbness?', termPatterns('numbness'))).toBe('granted');
    expect(readAsking('Do you ever get times where you feel numbness?', termPatterns('numbness'))).toBe('asked');
  });

  it('takes more for granted of a medicine than of a finding', () => {
    const lisinopril = termPatterns('lisinopril');
    expect(readAsking('Is the lisinopril helping?', lisinopril, 'medicine')).toBe('granted');
    expect(readAsking('Is the lisinopril helping?', lisinopril, 'finding')).toBe('asked');
    expect(readAsking('How much lisinopril do you take?', lisinopril, 'medicine')).toBe('granted');
    expect(readAsking('Are you still taking the lisinopril?', lisinopril, 'medicine')).toBe('asked');
    expect(readAsking('What about the lisinopril?', lisinopril, 'medicine')).toBe('asked');
  });
});
