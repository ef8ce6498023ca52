import { describe, expect, it } from 'vitest';
import { CONDITIONS, SYMPTOMS } from '../../src/processing/extractors/lexicon/conditions.js';
import { INVESTIGATIONS } from '../../src/processing/extractors/lexicon/investigations.js';
import { MEDICINES } from '../../src/processing/extractors/lexicon/medicines.js';
import { createMisspeltMedicineFinder, isEnglish, oneEditApart } from '../../src/processing/extractors/rules/find-misspelt-medicines.js';
import { emrOf, names, shapes } from './extractor-test-support.js';

const medicationsOf = async (transcript: string) => names((await emrOf(transcript)).medications);

describe('one edit apart', () => {
  it.each([
    ['detroal', 'detrol', true],
    ['omeprazol', 'omeprazole', true],
    ['metfromin', 'metformin', true],
    ['lisinoprol', 'lisinopril', true],
    ['metformin', 'metformin', false],
    ['metfornim', 'metformin', false],
    ['detrolaa', 'detrol', false],
    ['zoloft', 'zocor', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
    expect(oneEditApart(b, a)).toBe(expected);
  });
});

describe('English words and their inflections', () => {
  const english = new Set(['inhale', 'tablet', 'happy', 'stop', 'concert']);
  it.each(['inhale', 'inhaled', 'inhaling', 'inhaler', 'tablets', 'happier', 'stopped', 'concerts'])('%s is English', (word) => {
    expect(isEnglish(word, english)).toBe(true);
  });
  it.each(['detroal', 'omeprazol', 'tabletop'])('%s is not', (word) => {
    expect(isEnglish(word, english)).toBe(false);
  });
});

describe('misspelt medicine names', () => {
  const find = createMisspeltMedicineFinder('medicine', MEDICINES, [CONDITIONS, SYMPTOMS, INVESTIGATIONS]);
  const found = (normal: string) => find(normal, []).map((match) => [match.text, match.entry.name]);

  it('reads a medicine typed one letter off, and only the word that is', () => {
    expect(found('augmentin , detroal la and lisinopril')).toEqual([['detroal', 'tolterodine']]);
    expect(found('i forgot to take my dyphenhydramine')).toEqual([['dyphenhydramine', 'diphenhydramine']]);
  });

  it('leaves English words and their inflections alone, however close to a medicine', () => {
    // "ability" is one letter from Abilify, "lyrics" from Lyrica, "concert" from Concerta, "inhaled" from inhaler.
    expect(found('i have the ability to walk and i like the lyrics , i inhaled some smoke at the concert')).toEqual([]);
  });

  it('leaves short words alone and a word between two medicines', () => {
    // "zocar" is one letter from Zocor but five letters long; "mirapax" is one letter from both Miralax and Mirapex.
    expect(found('i take zocar and mirapax at night')).toEqual([]);
  });

  it('adds to the exact matches and keeps sentence order', () => {
    const exact = [{ kind: 'medicine' as const, entry: MEDICINES.find((entry) => entry.name === 'lisinopril')!, start: 0, end: 10, text: 'lisinopril' }];
    expect(find('lisinopril and omeprazol', exact).map((match) => match.entry.name)).toEqual(['lisinopril', 'omeprazole']);
  });

  it('records a misspelt medicine the patient takes, in a typed transcript', async () => {
    expect(await medicationsOf('Doctor: What medications are you currently taking?\nPatient: Augmentin, Detroal LA and lisinopril.')).toEqual([
      'amoxicillin and clavulanic acid',
      'tolterodine',
      'lisinopril',
    ]);
    expect(await medicationsOf("Patient: I'm on metfromin twice a day and omeprazol in the morning.")).toEqual(['metformin', 'omeprazole']);
  });
});

describe('how medicine names are said', () => {
  it('reads a brand with its release suffix as the brand, with the strength said after it', async () => {
    const emr = await emrOf('Patient: I take Wellbutrin SR 150 mg and Toprol XL 50 mg, and Detrol LA at night.');
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([
      ['bupropion', '150 mg'],
      ['metoprolol', '50 mg'],
      ['tolterodine', null],
    ]);
  });

  it('reads a salt said after the name as part of the medicine, not as a supplement', async () => {
    const emr = await emrOf('Patient: I take atorvastatin calcium 20 mg at night, levothyroxine sodium 100 mcg and losartan potassium 50 mg.');
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([
      ['atorvastatin', '20 mg'],
      ['levothyroxine', '100 mcg'],
      ['losartan', '50 mg'],
    ]);
    // Said on its own, calcium is still the supplement.
    expect(await medicationsOf('Patient: I take atorvastatin, and I take calcium every day.')).toEqual(['atorvastatin', 'calcium carbonate']);
  });

  it('gives a dose said after one medicine to that one, not to the next', async () => {
    const emr = await emrOf('Patient: I take esomeprazole magnesium 40 mg and naproxen sodium, and metformin 500 mg and 2 tablets of paracetamol.');
    expect(emr.medications.map((medication) => [medication.name, medication.dose?.text ?? null])).toEqual([
      ['esomeprazole', '40 mg'],
      ['naproxen', null],
      ['metformin', '500 mg'],
      ['paracetamol', '2 tablets'],
    ]);
  });

  it('reads a medicine with its form', async () => {
    expect(await medicationsOf('Patient: I use hydrocortisone cream 1% on the rash and my albuterol inhaler when I am short of breath.')).toEqual(['hydrocortisone cream', 'salbutamol']);
  });

  it.each([
    ['Patient: I take an ASA every day and APAP when needed.', ['acetylsalicylic acid', 'paracetamol']],
    ["Patient: I'm on MTX weekly and NTG as needed, plus HCTZ.", ['methotrexate', 'glyceryl trinitrate', 'hydrochlorothiazide']],
    ["Patient: I'm on Coumadin and Synthroid.", ['warfarin', 'levothyroxine']],
    ['Patient: I take KCl and an MVI.', ['potassium chloride', 'multivitamins']],
  ])('reads the abbreviations notes and people use: %s', async (transcript, expected) => {
    expect(await medicationsOf(transcript)).toEqual(expected);
  });

  it.each([
    ['Patient: I take Vytorin and Januvia.', ['simvastatin and ezetimibe', 'sitagliptin']],
    ['Patient: I use Combivent and Xopenex for my COPD.', ['ipratropium and salbutamol', 'levosalbutamol']],
    ['Patient: I take Focalin in the morning and Belsomra at night.', ['dexmethylphenidate', 'suvorexant']],
    ['Patient: I get Humira shots and take Otezla.', ['adalimumab', 'apremilast']],
    ['Patient: I am on Sprintec.', ['norgestimate and ethinylestradiol']],
  ])('knows more of the most prescribed medicines: %s', async (transcript, expected) => {
    expect(await medicationsOf(transcript)).toEqual(expected);
  });

  it('reads the classes clinicians name (beta blocker, PPI, ACE inhibitor) when taken, and yields them to a named member', async () => {
    expect(await medicationsOf("Patient: I'm on a beta blocker and a PPI.")).toEqual(['beta blocking agents', 'proton pump inhibitors']);
    expect(await medicationsOf('Patient: I take lisinopril, my ACE inhibitor.')).toEqual(['lisinopril']);
    expect(await medicationsOf('Doctor: A beta blocker can slow the heart.\nPatient: Okay.')).toEqual([]);
  });

  it.each(shapes([
    ['Doctor', 'What is the strength of your Omeprazole?'],
    ['Patient', 'It is forty M G and I take it just once a day.'],
  ]))('a question about the strength of a medicine says it is taken (%s)', async (_shape, transcript) => {
    expect((await emrOf(transcript)).medications).toMatchObject([{ name: 'omeprazole', dose: { value: 40, unit: 'mg' } }]);
  });

  it.each(shapes([
    ['Doctor', 'Are you taking your Plavix every day?'],
    ['Patient', 'Every day, yes.'],
  ]))('an answer that says how often takes the medicine asked (%s)', async (_shape, transcript) => {
    expect(names((await emrOf(transcript)).medications)).toEqual(['clopidogrel']);
  });

  it('an answer that says how often takes the medicine asked, and "no" takes nothing', async () => {
    expect((await emrOf('Doctor: Have you been taking the Keflex?\nPatient: Every single day.')).medications).toMatchObject([{ name: 'cefalexin' }]);
    expect((await emrOf('Doctor: Have you been taking the Keflex?\nPatient: No, not every day.')).medications).toEqual([]);
  });

  it.each([
    ['Still taking it.', ['sertraline']],
    ["I'm on it.", ['sertraline']],
    ['I am using it, yes.', ['sertraline']],
    ['I stopped taking it.', []],
    ['No, I am not taking it.', []],
  ])('an answer that says the medicine is taken takes it: %s', async (answer, expected) => {
    expect(await medicationsOf(`Doctor: Are you still taking the Zoloft?\nPatient: ${answer}`)).toEqual(expected);
  });

  it('a medicine taken for allergies is a medication; one the patient is allergic to is not', async () => {
    expect(await medicationsOf('Patient: For my allergies I take Zyrtec.')).toEqual(['cetirizine']);
    expect(await medicationsOf('Patient: I have allergies to Bactrim.')).toEqual([]);
  });

  it.each(shapes([
    ['Doctor', 'Any prescription medications?'],
    ['Patient', "Oh, I'm taking the, uh, what's it called, Lyrica."],
  ]))('a medicine named after searching for its name is said, not asked (%s)', async (_shape, transcript) => {
    expect(await medicationsOf(transcript)).toEqual(['pregabalin']);
  });

  it('a medicine the doctor asks about by name is still asked', async () => {
    expect(await medicationsOf('Doctor: What is it called, the medicine, is it Lyrica?\nPatient: No.')).toEqual([]);
  });

  it('an ingredient named to explain a combination is not a medicine of its own', async () => {
    expect(await medicationsOf('Doctor: Take Tylenol number three every six hours as needed. Tylenol number three is combined with codeine.')).toEqual(['codeine and paracetamol']);
    expect(await medicationsOf('Patient: I take Norco, it has acetaminophen in it.')).toEqual(['hydrocodone and paracetamol']);
    // Two medicines said side by side are both taken.
    expect(await medicationsOf('Patient: I take Percocet and also Tylenol for the pain.')).toEqual(['oxycodone and paracetamol', 'paracetamol']);
  });
});

// A brand or form WHO codes apart from its generic's usual form gets its form's entry and code (issue 13 follow-up);
// the generic said alone, or with its usual form, keeps its usual entry.
describe('the form a medicine is said in', () => {
  const codedOf = async (transcript: string) => (await emrOf(transcript)).medications.map(({ name, atc }) => [name, atc]);

  it.each([
    ['Patient: I use Flonase every morning.', [['fluticasone nasal spray', 'R01AD08']]],
    ['Patient: I use Nasacort in the spring and Rhinocort in the fall.', [['triamcinolone nasal spray', 'R01AD11'], ['budesonide nasal spray', 'R01AD05']]],
    ['Patient: I put Rogaine on my scalp every night.', [['minoxidil topical', 'D11AX01']]],
    ['Patient: I use Protopic on the eczema on my hands.', [['tacrolimus ointment', 'D11AH01']]],
    ['Patient: I put in Restasis twice a day for my dry eyes.', [['ciclosporin eye drops', 'S01XA18']]],
    ['Patient: I took Plan B One Step on Saturday.', [['levonorgestrel emergency contraceptive', 'G03AD01']]],
    ['Patient: I have had a Mirena for two years.', [['levonorgestrel intrauterine system', 'G02BA03']]],
    ['Patient: I rub Voltaren gel on my knee.', [['diclofenac gel', 'M02AA15']]],
    ['Patient: I take Suboxone every morning.', [['buprenorphine and naloxone', 'N07BC51']]],
    ['Patient: I use Asmanex, two puffs at night.', [['mometasone inhaler', 'R03BA07']]],
  ])('a brand sold in one form: %s', async (transcript, expected) => {
    expect(await codedOf(transcript)).toEqual(expected);
  });

  it.each([
    ['Patient: I use fluticasone nasal spray, two sprays in each nostril.', [['fluticasone nasal spray', 'R01AD08']]],
    ['Patient: I use the fluticasone nose spray every morning.', [['fluticasone nasal spray', 'R01AD08']]],
    ['Patient: I apply hydrocortisone, the one percent cream, twice a day.', [['hydrocortisone cream', 'D07AA02']]],
    ['Doctor: I will give you ciprofloxacin ear drops, four drops twice a day.', [['ciprofloxacin ear drops', 'S02AA15']]],
    ['Patient: I use a clotrimazole pessary at night.', [['clotrimazole vaginal', 'G01AF02']]],
    ['Patient: I take Voltaren for my back, and I use a steroid cream on my rash.', [['diclofenac', 'M01AB05'], ['corticosteroids, dermatological preparations', 'D07']]],
  ])('a generic said with its form: %s', async (transcript, expected) => {
    expect(await codedOf(transcript)).toEqual(expected);
  });

  it.each([
    ['Patient: I take fluticasone, two puffs twice a day.', [['fluticasone', 'R03BA05']]],
    ['Patient: I use my Flovent inhaler every day.', [['fluticasone', 'R03BA05']]],
    ['Patient: I take minoxidil for my blood pressure.', [['minoxidil', 'C02DC01']]],
    ['Patient: I take Voltaren fifty milligrams twice a day.', [['diclofenac', 'M01AB05']]],
    ['Patient: I took Cipro for my bladder infection.', [['ciprofloxacin', 'J01MA02']]],
    ['Patient: I take hydrocortisone tablets every morning.', [['hydrocortisone', 'H02AB09']]],
    ['Patient: I use timolol eye drops for my glaucoma.', [['timolol', 'S01ED01']]],
    ['Patient: I take Prograf since my kidney transplant.', [['tacrolimus', 'L04AD02']]],
  ])('a generic or brand said alone or in its usual form keeps its usual entry: %s', async (transcript, expected) => {
    expect(await codedOf(transcript)).toEqual(expected);
  });

  it('a class yields to a member sold in another form: the Mirena is the birth control, Flonase the nasal spray', async () => {
    expect(await codedOf('Patient: My birth control is the Mirena.')).toEqual([['levonorgestrel intrauterine system', 'G02BA03']]);
    expect(await codedOf('Patient: I use a nasal spray, Flonase, every morning.')).toEqual([['fluticasone nasal spray', 'R01AD08']]);
  });
});
