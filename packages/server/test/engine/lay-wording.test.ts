import { describe, expect, it } from 'vitest';
import { termWords } from '../../src/processing/extractors/rules/phrase-matcher.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13's own examples of lay, British and Indian wording, each in the three input shapes.
describe('the wording the issue lists is recognised', () => {
  it.each([
    ["I can't really hear as well in my left ear.", 'hearing loss'],
    ['I cannot hear as well as I used to on the right.', 'hearing loss'],
    ['My heart has been beating kinda fast.', 'palpitations'],
    ["My heart's beating really fast at night.", 'palpitations'],
    ['It hurts when I pee.', 'painful urination'],
    ['There is a ringing in my ear.', 'tinnitus'],
    ['My chest kind of hurts.', 'chest pain'],
    ['My left ankle also hurts.', 'ankle pain'],
    ['These knees have been bothering me for a couple of years.', 'knee pain'],
    ['Both my hips hurt in the morning.', 'hip pain'],
    ['I was chilled and my forehead was warm.', 'chills'],
    ["I'm not able to sleep at night.", 'sleep difficulty'],
    ['My nose was stuffy all week.', 'nasal congestion'],
    ["I've had the runs since Sunday.", 'diarrhoea'],
    ['I feel faint when I stand up quickly.', 'dizziness'],
    ['I am feeling so weak.', 'weakness'],
    ['There is some blood in my sputum.', 'coughing up blood'],
    ['My vision gets blurry in the evening.', 'blurred vision'],
    ['My knee swells up after a walk.', 'swelling'],
    ['I briefly lost consciousness at the scene.', 'fainting'],
    ['My tummy is killing me.', 'abdominal pain'],
    ["I can't catch my breath when I climb the stairs.", 'shortness of breath'],
    ['I get dizzy spells in the morning.', 'dizziness'],
    ["She's got a temperature and a chesty cough.", 'fever'],
    ["She's got a temperature and a chesty cough.", 'cough'],
    ['It burns when I wee.', 'painful urination'],
  ])('"%s" → the symptom %s', async (sentence, symptom) => {
    for (const [, transcript] of shapes([['Patient', sentence]])) expect(names((await emrOf(transcript)).symptoms)).toContain(symptom);
  });

  it.each([
    ['It looks like bursitis of the elbow.', 'bursitis'],
    ['You had anaphylaxis after the peanuts.', 'anaphylaxis'],
    ["This is Bell's palsy.", "bell's palsy"],
    ['So you have been feeling low since the winter.', 'depression'],
    ['It sounds like you have a water infection.', 'urinary tract infection'],
    ['I am treating this as meningitis.', 'meningitis'],
  ])('"%s" → the diagnosis %s', async (sentence, diagnosis) => {
    for (const [, transcript] of shapes([['Doctor', sentence]])) expect(names((await emrOf(transcript)).diagnoses)).toContain(diagnosis);
  });

  it.each([
    ['Take Dioralyte sachets after each loose stool.', 'oral rehydration salts'],
    ['Piriton at night should help the itching.', 'chlorphenamine'],
    ['Take Co-codamol two tablets four times a day.', 'codeine and paracetamol'],
    ['I am on Microgynon.', 'levonorgestrel and ethinylestradiol'],
    ['I have been taking antihistamines.', 'antihistamines for systemic use'],
    ['Use emollients twice a day.', 'emollients and protectives'],
  ])('"%s" → the medicine %s', async (sentence, medicine) => {
    for (const [, transcript] of shapes([['Doctor', sentence]])) expect(names((await emrOf(transcript)).medications)).toContain(medicine);
  });

  it('two parts share the verb of a pain: "my right shoulder and neck started to hurt"', async () => {
    for (const [, transcript] of shapes([['Patient', 'Last week my right shoulder and neck started to hurt.']])) {
      expect(names((await emrOf(transcript)).symptoms)).toEqual(['shoulder pain', 'neck pain']);
    }
  });

  it('"not really" after an auxiliary negates forward only: "I can\'t really hear" is a complaint, "pain? not really" a denial', async () => {
    expect(names((await emrOf("Patient: I can't really hear as well.")).absent_symptoms)).toEqual([]);
    expect(names((await emrOf('Patient: Chest pain, not really.')).absent_symptoms)).toEqual(['chest pain']);
  });

  it('a hedge inside a term is allowed only between its words, and a term is read the way wink tokenises text', () => {
    expect(termWords("Bell's palsy")).toEqual(['bell', "'s", 'palsy']);
    expect(termWords("can't hear as well")).toEqual(['can', 'not', 'hear', 'as', 'well']);
    expect(termWords('cannot sleep')).toEqual(['can', 'not', 'sleep']);
    expect(termWords("won't stop coughing")).toEqual(['will', 'not', 'stop', 'coughing']);
  });
});

describe("the recogniser's \"now\" for a short \"no\"", () => {
  it.each([
    ['i also have a headache but now cough', ['headache'], ['cough']],
    ['now fever', [], ['fever']],
    ['now i have a cough', ['cough'], []],
    ['i had a cold but now the cough is worse', ['cough'], []],
    ['right now cough is the worst part', ['cough'], []],
  ])('"%s": present %j, denied %j', async (transcript, present, denied) => {
    const emr = await emrOf(transcript);
    expect([names(emr.symptoms), names(emr.absent_symptoms)]).toEqual([present, denied]);
  });
});

// A part said to be swollen in lay words (issue 13): only parts that swell.
describe('lay words for a swollen part', () => {
  it.each([
    ['My foot was huge after the walk.', ['swelling']],
    ['I have puffy ankles in the evening.', ['swelling']],
    ['My ankles blew up on the flight.', ['swelling']],
    ['My hand ballooned after the bee sting.', ['swelling']],
    ['My belly is huge since the pregnancy.', []],
    ['It was a huge relief to my foot.', []],
  ])('"%s" → %j', async (sentence, symptoms) => {
    for (const [, transcript] of shapes([['Patient', sentence]])) expect(names((await emrOf(transcript)).symptoms)).toEqual(symptoms);
  });
});
