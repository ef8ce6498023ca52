import { describe, expect, it } from 'vitest';
import { findQuestionBreaks, findTagBreaks } from '../../src/processing/extractors/rules/find-question.js';
import { splitAtQuestions } from '../../src/processing/extractors/rules/read-clinical-text.js';
import { findClauseStarts } from '../../src/processing/extractors/rules/sentence-context.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

// Issue 13: the same dialogue must give the same record whether it is typed with speaker labels, typed without, or
// written as a recogniser writes it (lower case, no punctuation). Each case is a real-looking exchange in all three.

// Present (symptoms and diagnoses), denied, and medications.
async function findingsOf(transcript: string): Promise<[string[], string[], string[]]> {
  const emr = await emrOf(transcript);
  return [[...names(emr.symptoms), ...names(emr.diagnoses)], names(emr.absent_symptoms), names(emr.medications)];
}

describe('clause boundaries without punctuation', () => {
  it.each(shapes([['Doctor', 'Any trouble breathing?'], ['Patient', 'No. I feel like my ankles are pretty swollen though.']]))('%s: an answer\'s "no" does not negate the statement after it', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['swelling'], ['shortness of breath'], []]);
  });

  it.each(shapes([['Doctor', 'Have you passed out at all?'], ['Patient', "I haven't fainted. I've had some dizzy spells though."]]))('%s: a negated clause ends where the next subject and verb start', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['dizziness'], ['fainting'], []]);
  });

  it.each(shapes([['Doctor', 'How are you feeling today?'], ['Patient', "I'm not doing so well. I have had this cough for a week."]]))('%s: "not doing so well" does not deny the complaint that follows', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['cough']);
  });

  it.each(shapes([['Doctor', 'Any other problems?'], ['Patient', 'No, my back pain is a bit better though.']]))('%s: a possessive subject starts a clause too', async (_, transcript) => {
    expect((await findingsOf(transcript))[1]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Any fever?'], ['Patient', "I don't think I have a fever."]]))('%s: an embedded clause stays negated', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['fever'], []]);
  });

  it.each(shapes([['Doctor', 'When did he have these done?'], ['Guest_family', "I'd have to check, but I know he had back surgery in 2009. He has a history of high blood pressure."]]))('%s: an explaining phrase ("to check") ends with its clause', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['hypertension']);
  });

  it.each(shapes([['Doctor', 'Any other medical problems?'], ['Patient', 'My mother had a stroke last year. I have high blood pressure myself.']]))('%s: a relative\'s scope ends where the patient speaks of themselves', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['hypertension']);
  });

  it.each(shapes([['Doctor', 'Any illnesses in the family?'], ['Patient', 'My father, he has diabetes.']]))('%s: and not where the relative is named again', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Here in the E R we will run some tests to make sure nothing serious is going on. While we wait, I\'m going to order a migraine cocktail and some morphine.'], ['Patient', 'Thank you.']]))('%s: "i\'m" opens a clause that ends an explaining phrase', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['migraine'], [], ['morphine']]);
  });

  it.each(shapes([['Doctor', 'It could be anything from high blood pressure to depression. Do any of those sound familiar?'], ['Patient', 'Oh yes, I have a few things like that. I have anemia and hypothyroidism.']]))('%s: a clause after "like that" is said, not explained', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['anaemia', 'hypothyroidism']);
  });

  it.each(shapes([['Doctor', 'What brings you in today?'], ['Guest_family', "Hi, husband here. She's been having severe lower back pain, and she's more sluggish as a result."]]))('%s: a relative who says so speaks for the patient without a label', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['low back pain', 'fatigue']);
  });

  it.each(shapes([['Doctor', 'The risk of infection is very low. We use antibiotics to control for infection.'], ['Patient', 'Okay.']]))('%s: "we use" opens a clause that ends an explaining phrase', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['antibacterials for systemic use']);
  });

  it.each(shapes([['Doctor', 'What happened?'], ['Patient', 'I always had burning whenever I used to go to the bathroom, so I went to the doctor. Then I started having fever.']]))('%s: "so" before a subject and verb starts a clause of its own', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['fever']);
  });

  it.each(shapes([['Doctor', 'How has your energy been?'], ['Patient', 'Whenever I am on my night shift, I try to avoid eating. And then I feel very tired all the time.']]))('%s: a conditional ends where its main clause starts ("i try")', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['fatigue'], [], []]);
  });

  it.each(shapes([['Doctor', 'Any other medical problems?'], ['Guest_family', "She can't control her bladder well, which leads to accidents. Oh, and she's had back pain for several years."]]))('%s: "oh and" before a subject starts a clause that ends an explaining phrase', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['back pain']);
  });

  it.each(shapes([['Doctor', 'Any other symptoms?'], ['Patient', 'I was throwing up a lot. I was not eating. I always felt dizzy when I stood up.']]))('%s: "not eating" before a new clause is a poor appetite, not a diet', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['vomiting', 'loss of appetite', 'dizziness']);
  });

  it.each(shapes([['Doctor', 'What brings him in?'], ['Guest_clinician', 'He complains of weakness for several months. He denies any recent symptoms of fever or shortness of breath, cough, vomiting, diarrhea, hemoptysis, melena, hematochezia, bright red blood per rectum, polyuria, night sweats, visual changes, or syncopal episodes.']]))('%s: a denied list without commas runs on from finding to finding', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([['weakness'], ['fever', 'shortness of breath', 'cough', 'vomiting', 'diarrhoea', 'coughing up blood', 'blood in stool', 'frequent urination', 'night sweats', 'visual disturbance', 'fainting'], []]);
  });

  it.each(shapes([['Doctor', 'What happened?'], ['Patient', 'I felt nauseous, like I was going to throw up, which I did, and my heart was beating really fast.']]))('%s: "which" after a comma and before a subject is a relative pronoun, not a question', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['nausea', 'palpitations']);
  });

  it.each(shapes([['Doctor', 'It could be anything from depression to high blood pressure.'], ['Patient', 'Okay, that is what I thought. I have high blood pressure.']]))('%s: "that is what i thought" confirms; the clause after it is no fear', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['hypertension']);
  });

  it.each(shapes([['Doctor', "I am afraid, I don't have better news for you, your reports confirm cancer."], ['Patient', 'What happens now?']]))('%s: bad news broken with a comma after "i am afraid" is no fear', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['cancer']);
  });

  it.each(shapes([['Doctor', 'Any past medical history?'], ['Guest_clinician', 'Yes, I confirmed with his wife. He had a bypass in ninety one. He has a history of prostate cancer.']]))('%s: after "his wife", a clause of "he" speaks of the patient again', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['cancer']);
  });

  it.each(shapes([['Doctor', 'Have you measured your blood sugar at all? I ask because the notes state there is a history of gestational diabetes.'], ['Patient', 'Not recently.']]))('%s: a question ends where the asker says why they ask', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['diabetes mellitus']);
  });

  it.each(shapes([['Doctor', 'I have the letter from your family doctor. It says you have high blood pressure.'], ['Patient', 'Yes, for ten years now.']]))('%s: "your family doctor" is no relative', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['hypertension']);
  });

  it('finds the start of a clause after an answer or another clause, not after an embedding word', () => {
    expect([...findClauseStarts('um no i feel like my face is swollen')]).toEqual([2]);
    expect([...findClauseStarts('i have not fainted i have had some dizzy spells')]).toEqual([4]);
    expect([...findClauseStarts('no my incontinence is a bit better')]).toEqual([1]);
    expect([...findClauseStarts('i do not think i have a fever')]).toEqual([]);
    expect([...findClauseStarts('do you have pain when it is cold')]).toEqual([]);
    expect([...findClauseStarts('i have a few things like that i have anemia')]).toEqual([7]);
    expect([...findClauseStarts('i know that i have anemia')]).toEqual([]);
    expect([...findClauseStarts('it hurt so i went to the doctor')]).toEqual([3]);
    expect([...findClauseStarts('i try to avoid eating and then i feel very tired')]).toEqual([7]);
    expect([...findClauseStarts('which leads to accidents oh and she has had back pain')]).toEqual([6]);
    expect([...findClauseStarts('if it hurts and then i get a fever')]).toEqual([]);
    expect([...findClauseStarts('whenever i try to stand')]).toEqual([]);
  });
});

describe('question extent without punctuation', () => {
  it.each(shapes([['Doctor', 'I see you took Advair in the past, correct? Do you still take it?'], ['Patient', 'No, I stopped a year ago.']]))('%s: a tag inside a run-on turn closes the statement it confirms', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Your chart says you had a urine infection, right? You also had blood in your urine.'], ['Patient', 'Yes, that was last spring.']]))('%s: what follows the tag is said, not asked', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['blood in urine', 'urinary tract infection']);
  });

  it.each(shapes([['Doctor', 'Do you experience any chest pains? I want to check, especially since you have been coughing up some mucus.'], ['Patient', 'No, I luckily do not have any chest pains.']]))('%s: a question ends where the asker speaks of themselves', async (_, transcript) => {
    expect((await findingsOf(transcript))[1]).toEqual(['chest pain']);
  });

  it.each(shapes([['Doctor', 'Do you have any chronic conditions?'], ['Patient', 'What, like cancer?'], ['Doctor', 'It could be anything from cancer to high blood pressure.'], ['Patient', 'Oh, I have asthma.']]))('%s: "what, like cancer" asks back', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['asthma']);
  });

  it.each(shapes([['Doctor', 'That sounds exciting. Back to your allergies now. Do you take any medication to relieve your symptoms?'], ['Patient', 'Here is my list.'], ['Doctor', 'I see you took Claritin in the past, correct?'], ['Patient', 'Yes, that is correct.']]))('%s: a statement before a question is not part of it (the medicines are not allergens)', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['loratadine']);
  });

  it.each(shapes([['Doctor', 'Do you think you lost consciousness at any point?'], ['Patient', 'Actually, I do. Right after the crash.']]))('%s: a "yes" that runs on into the next sentence still answers', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['fainting']);
  });

  it.each(shapes([['Doctor', "Do you have any signs of infection? That'd be anything like fever or chills, anything like that?"], ['Patient', "No, I don't have anything like that."]]))('%s: "any signs of" asks; it is no warning', async (_, transcript) => {
    expect((await findingsOf(transcript))[1]).toEqual(['fever', 'chills']);
  });

  it.each(shapes([['Doctor', 'Do you have any flu like symptoms?'], ['Patient', 'Like fever or chills?'], ['Doctor', 'Or body aches?'], ['Patient', 'No.']]))('%s: an answer that only offers examples ("like fever or chills") asks back', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['body ache'], []]);
  });

  it.each(shapes([['Doctor', 'Are you on any blood thinners?'], ['Patient', 'Just the coated one.'], ['Doctor', 'Oh, you mean enteric coated aspirin?'], ['Patient', 'Hmm, let me look at the bottle.']]))('%s: "you mean" asks back what the other meant', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual([]);
  });

  it.each(shapes([['Doctor', 'Any medical problems?'], ['Patient', 'I do have hypertension and diabetes, you know that, right?']]))('%s: "i do have ..., you know that, right?" tells', async (_, transcript) => {
    expect((await findingsOf(transcript))[0]).toEqual(['hypertension', 'diabetes mellitus']);
  });

  it.each(shapes([['Doctor', "Let me see your legs. They look good, I don't see any pedal edema. Usually that happens due to water retention. Any palpitations?"], ['Patient', 'No.']]))('%s: "i do not see any" says; a "due to" after it does not make the turn\'s question one about a quality', async (_, transcript) => {
    expect(await findingsOf(transcript)).toEqual([[], ['swelling', 'palpitations'], []]);
  });

  it.each(shapes([['Doctor', 'Are you taking any supplements?'], ['Patient', 'Yes, I take some multivitamins, but do I need to mention it?']]))('%s: "do i need" asks; what the patient said before it stands', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['multivitamins']);
  });

  it.each(shapes([['Doctor', "He's been taking Adderall, correct? How long has he been taking it?"], ['Guest_family', "It's been about a month now."]]))('%s: a tag closes a statement about the patient made to a relative', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['amfetamine']);
  });

  it.each(shapes([['Doctor', "Looks like you're taking lisinopril and metformin. You're not smoking with these, right?"], ['Patient', 'Why would I smoke? Never in my life.']]))('%s: a closing tag confirms only the last clause of a run-on turn', async (_, transcript) => {
    expect((await findingsOf(transcript))[2]).toEqual(['lisinopril', 'metformin']);
  });

  it('splits a run-on sentence where a question starts after a statement', () => {
    expect(findQuestionBreaks('that sounds exciting back to your allergies now do you take any medication')).toEqual([44]);
    expect(findQuestionBreaks('okay any difficulty swallowing let me check here lymph nodes look fine and do you bleed easily')).toEqual([71]);
    expect(findQuestionBreaks('i do not see any swelling')).toEqual([]);
    expect(findQuestionBreaks('can you tell me do you have any fever')).toEqual([]);
    expect(findQuestionBreaks('okay um do you have any fever at all')).toEqual([]);
    expect(findQuestionBreaks('high blood pressure diabetes depression anything like that ring any bells')).toEqual([]);
    expect(splitAtQuestions("that's good i'm glad do you still take it", 'that is good i am glad do you still take it').map((part) => part.raw)).toEqual(["that's good i'm glad", 'do you still take it']);
  });

  it('splits after a tag only where a question or a new clause follows', () => {
    expect(findTagBreaks('i see you took advair in the past correct do you still take it')).toEqual([42]);
    expect(findTagBreaks('you have been diagnosed with allergic rhinitis right for how many years')).toEqual([53]);
    expect(findTagBreaks('you said the pain is on the right side of your chest')).toEqual([]);
    expect(findTagBreaks('you are right i forgot about that')).toEqual([]);
  });
});
