import { describe, expect, it } from 'vitest';
import { goldOf, readNoteConcepts } from '../dialogue-gold';

// How the gold reads a clinician's note (issue 13): each case is a misreading that was fixed, in the note's own style.
function read(text: string): string[] {
  return readNoteConcepts(text).map((concept) => `${concept.denied ? 'no ' : ''}${concept.name}`);
}

describe('the gold standard read from the clinician note', () => {
  it('an exception after a negation affirms what follows it', () => {
    expect(goldOf('MEDICATIONS', 'No medications other than recent amoxicillin.').medications).toEqual(['amoxicillin']);
    expect(read('No neurologic deficits other than some numbness in his left hand.')).toEqual(['numbness']);
    expect(read('The patient denied any other complaints besides pain in the ankle.')).toEqual(['ankle pain']);
  });

  it('what a clause affirms after "except" it does not also deny', () => {
    expect(read('No history of fever, rigors, or chills except for recent fever and rigors.')).toEqual(['fever', 'chills']);
  });

  it('a head word written once for a list is read for every part', () => {
    expect(read('No visual, hearing, or swallowing difficulties.')).toEqual(['no visual disturbance', 'no hearing loss', 'no difficulty swallowing']);
    expect(read('Headache and pain in the neck and knee.')).toEqual(['headache', 'neck pain', 'knee pain']);
    expect(read('Neck and back pain for two weeks.')).toEqual(['neck pain', 'back pain']);
  });

  it('reads note wording the lexicon now knows', () => {
    expect(read('The patient denies ear pain, URI symptoms, dyspnea, or paresthesias.')).toEqual(['no ear pain', 'no acute upper respiratory infection', 'no shortness of breath', 'no tingling']);
    expect(read('Left otalgia. She denies any vision changes.')).toEqual(['ear pain', 'no visual disturbance']);
  });

  it('a class of medicines beside or with a named member is that medicine', () => {
    expect(goldOf('MEDICATIONS', 'Salmeterol inhaler, prn; and Fluticasone nasal inhaler.').medications).toEqual(['salmeterol', 'fluticasone']);
    expect(goldOf('MEDICATIONS', 'Coumadin. Also on a blood thinner injection.').medications).toEqual(['warfarin']);
    expect(goldOf('MEDICATIONS', 'Blood thinner and a water pill.').medications).toEqual(['antithrombotic agents', 'diuretics']);
  });

  it('"the" in a lexicon phrase stands for the note\'s determiner and side, as in the extractor', () => {
    expect(read('He felt some pain in his left elbow. He also has pain in his left ankle.')).toEqual(['elbow pain', 'ankle pain']);
    expect(read('Some question of blood in his stool.')).toEqual(['blood in stool']);
  });

  it('reads clinicians\' shorthand', () => {
    expect(read('Denied any fever, chills, HA, change in vision or SOB.')).toEqual(['no fever', 'no chills', 'no headache', 'no visual disturbance', 'no shortness of breath']);
    expect(read('Status post CVA, HTN and a fib.')).toEqual(['stroke', 'hypertension', 'atrial fibrillation']);
  });

  it('still denies what a plain negation lists', () => {
    expect(read('Denies nausea, vomiting and abdominal pain.')).toEqual(['no nausea', 'no vomiting', 'no abdominal pain']);
  });
});
