import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../src/processing/extractors/lexicon/lexicon-entry.js';
import { MEDICINES } from '../../src/processing/extractors/lexicon/medicines.js';
import { isMemberOf } from '../../src/processing/extractors/rules/clinical-matcher.js';
import { emrOf } from './extractor-test-support.js';

// ATC codes: an anatomical main group letter, then a 2-digit therapeutic group (level 2), a letter (level 3), a letter
// (level 4) and a 2-digit substance (level 5).
const MAIN_GROUP = '[ABCDGHJLMNPRSV]';
const LEVEL_5 = new RegExp(`^${MAIN_GROUP}\\d{2}[A-Z]{2}\\d{2}$`);
const LEVELS_2_TO_4 = new RegExp(`^${MAIN_GROUP}\\d{2}(?:[A-Z]{1,2})?$`);

const entry = (name: string): LexiconEntry => {
  const found = MEDICINES.find((medicine) => medicine.name === name);
  if (!found) throw new Error(`no medicine named ${name} in the lexicon`);
  return found;
};

describe('ATC codes of the medicine lexicon', () => {
  it('every code is well formed: a class at level 2 to 4, a medicine at level 5 or a group it is sold as', () => {
    const malformed = MEDICINES.filter((medicine) => medicine.code !== undefined && !(medicine.group === true ? LEVELS_2_TO_4 : new RegExp(`${LEVEL_5.source}|${LEVELS_2_TO_4.source}`)).test(medicine.code));
    expect(malformed.map((medicine) => `${medicine.name} ${medicine.code}`)).toEqual([]);
    const badCovers = MEDICINES.flatMap((medicine) => (medicine.covers ?? []).filter((code) => !LEVEL_5.test(code) && !LEVELS_2_TO_4.test(code)));
    expect(badCovers).toEqual([]);
    // Nearly every medicine is one substance or combination with its own level-5 code.
    expect(MEDICINES.filter((medicine) => medicine.code !== undefined && LEVEL_5.test(medicine.code)).length).toBeGreaterThan(500);
  });

  // Checked against the WHO ATC/DDD index as published on atcddd.fhi.no (copies of 2024-07-31 and 2026-04-25); see
  // docs/engine.md. The first rows are the codes corrected after that check.
  it.each([
    ['gabapentin', 'N02BF01'],
    ['pregabalin', 'N02BF02'],
    ['leflunomide', 'L04AK01'],
    ['suvorexant', 'N05CJ01'],
    ['dolutegravir', 'J05AJ03'],
    ['amlodipine and benazepril', 'C09BB13'],
    ['hydrocodone and paracetamol', 'N02AJ22'],
    ['meclizine', 'R06AE05'],
    ['etonogestrel and ethinylestradiol', 'G02BB01'],
    ['etonogestrel', 'G03AC08'],
    ['icosapent ethyl', 'C10AX06'],
    ['apremilast', 'L04AA32'],
    ['paracetamol', 'N02BE01'],
    ['acetylsalicylic acid', 'B01AC06'],
    ['ramipril', 'C09AA05'],
    ['metformin', 'A10BA02'],
    ['semaglutide', 'A10BJ06'],
    ['tirzepatide', 'A10BX16'],
    ['levothyroxine', 'H03AA01'],
    ['salbutamol', 'R03AC02'],
    ['salmeterol and fluticasone', 'R03AK06'],
    ['amoxicillin and clavulanic acid', 'J01CR02'],
    ['metronidazole', 'P01AB01'],
    ['codeine and paracetamol', 'N02AJ06'],
    ['hyoscine butylbromide', 'A03BB01'],
    ['tofacitinib', 'L04AF01'],
    ['methadone', 'N07BC02'],
    ['insulin', 'A10A'],
    ['antithrombotic agents', 'B01A'],
    ['hmg coa reductase inhibitors', 'C10AA'],
    ['proton pump inhibitors', 'A02BC'],
    ['selective serotonin reuptake inhibitors', 'N06AB'],
    ['laxatives', 'A06'],
  ])('%s is %s', (name, code) => {
    expect(entry(name).code).toBe(code);
  });

  it.each(['levosalbutamol', 'metaxalone', 'butalbital, paracetamol and caffeine', 'bacitracin, neomycin and polymyxin b'])('%s, which the WHO index does not list, has no code rather than a guessed one', (name) => {
    expect(entry(name).code).toBeUndefined();
  });

  it('a class still counts the members WHO classifies under another code', () => {
    expect(isMemberOf(entry('gabapentin').code, entry('antiepileptics'))).toBe(true);
    expect(isMemberOf(entry('pregabalin').code, entry('analgesics'))).toBe(true);
    expect(isMemberOf(entry('etonogestrel and ethinylestradiol').code, entry('hormonal contraceptives for systemic use'))).toBe(true);
    expect(isMemberOf(entry('meclizine').code, entry('antihistamines for systemic use'))).toBe(true);
    expect(isMemberOf(entry('gabapentin').code, entry('antidepressants'))).toBe(false);
  });

  // A form WHO codes apart from its generic's usual one has its own entry (WHO ATC/DDD index 2026, each code's row for
  // that substance); the brands sold in that form are its synonyms, and the generic keeps its usual form's code.
  it.each([
    ['fluticasone nasal spray', 'R01AD08', ['flonase', 'flixonase']],
    ['fluticasone furoate nasal spray', 'R01AD12', ['flonase sensimist', 'veramyst', 'avamys']],
    ['fluticasone cream', 'D07AC17', ['cutivate']],
    ['budesonide nasal spray', 'R01AD05', ['rhinocort']],
    ['oral budesonide', 'A07EA06', ['entocort', 'uceris']],
    ['beclometasone nasal spray', 'R01AD01', ['beconase', 'qnasl']],
    ['triamcinolone nasal spray', 'R01AD11', ['nasacort']],
    ['triamcinolone cream', 'D07AB09', ['aristocort cream', 'kenalog cream']],
    ['mometasone inhaler', 'R03BA07', ['asmanex']],
    ['mometasone cream', 'D07AC13', ['elocon']],
    ['hydrocortisone cream', 'D07AA02', ['cortaid']],
    ['diclofenac gel', 'M02AA15', ['voltaren gel', 'voltarol gel', 'flector', 'pennsaid']],
    ['minoxidil topical', 'D11AX01', ['rogaine', 'regaine']],
    ['tacrolimus ointment', 'D11AH01', ['protopic']],
    ['terbinafine cream', 'D01AE15', ['lamisil cream']],
    ['aciclovir cream', 'D06BB03', ['zovirax cream']],
    ['clotrimazole vaginal', 'G01AF02', ['gyne lotrimin', 'canesten pessary']],
    ['miconazole vaginal', 'G01AF04', ['monistat']],
    ['ciclosporin eye drops', 'S01XA18', ['restasis', 'cequa']],
    ['ciprofloxacin eye drops', 'S01AE03', ['ciloxan']],
    ['ciprofloxacin ear drops', 'S02AA15', ['cetraxal', 'otiprio']],
    ['ofloxacin eye drops', 'S01AE01', ['ocuflox']],
    ['ofloxacin ear drops', 'S02AA16', []],
    ['moxifloxacin eye drops', 'S01AE07', ['vigamox']],
    ['tobramycin eye drops', 'S01AA12', ['tobrex']],
    ['azelastine eye drops', 'S01GX07', ['optivar']],
    ['timolol tablets', 'C07AA06', []],
    ['medroxyprogesterone tablets', 'G03DA02', ['provera']],
    ['levonorgestrel emergency contraceptive', 'G03AD01', ['plan b one step', 'levonelle']],
    ['buprenorphine and naloxone', 'N07BC51', ['suboxone', 'zubsolv']],
    ['buprenorphine sublingual', 'N07BC01', ['subutex']],
    ['emergency contraceptives', 'G03AD', ['morning after pill']],
  ] as const)('%s is %s, with its brands', (name, code, brands) => {
    expect(entry(name).code).toBe(code);
    for (const brand of brands) expect(MEDICINES.filter((medicine) => medicine.synonyms?.includes(brand)).map((medicine) => medicine.name)).toEqual([name]);
  });

  it.each([
    ['fluticasone', 'R03BA05', ['flovent', 'flixotide', 'arnuity']],
    ['budesonide', 'R03BA02', ['pulmicort']],
    ['beclometasone', 'R03BA01', ['qvar']],
    ['triamcinolone', 'H02AB08', ['kenalog', 'aristocort']],
    ['mometasone', 'R01AD09', ['nasonex']],
    ['hydrocortisone', 'H02AB09', ['cortef']],
    ['diclofenac', 'M01AB05', ['voltaren']],
    ['minoxidil', 'C02DC01', []],
    ['tacrolimus', 'L04AD02', ['prograf']],
    ['ciclosporin', 'L04AD01', ['neoral']],
    ['ciprofloxacin', 'J01MA02', ['cipro']],
    ['timolol', 'S01ED01', ['timoptic']],
    ['medroxyprogesterone', 'G03AC06', ['depo provera']],
    ['levonorgestrel', 'G03AC03', []],
    ['levonorgestrel intrauterine system', 'G02BA03', ['mirena']],
    ['buprenorphine', 'N02AE01', ['butrans']],
    ['lidocaine', 'N01BB02', ['lidoderm']],
    ['clotrimazole', 'D01AC01', ['lotrimin']],
    ['ketoconazole', 'D01AC08', ['nizoral']],
    ['nicotine', 'N07BA01', ['nicotine patch', 'nicotine gum']],
    ['estradiol', 'G03CA03', ['vivelle', 'climara']],
    ['testosterone', 'G03BA03', ['androgel']],
    ['latanoprost', 'S01EE01', ['xalatan']],
  ] as const)('%s keeps its usual form, %s', (name, code, brands) => {
    expect(entry(name).code).toBe(code);
    for (const brand of brands) expect(MEDICINES.filter((medicine) => medicine.synonyms?.includes(brand)).map((medicine) => medicine.name)).toEqual([name]);
  });

  it('a class counts the members sold in another form: the Mirena is hormonal contraception, nasal steroids nasal preparations', () => {
    const contraceptives = entry('hormonal contraceptives for systemic use');
    expect(isMemberOf(entry('levonorgestrel intrauterine system').code, contraceptives)).toBe(true);
    expect(isMemberOf(entry('levonorgestrel emergency contraceptive').code, contraceptives)).toBe(true);
    expect(isMemberOf('G02BA02', contraceptives)).toBe(false); // a copper IUD has no hormone
    const nasal = entry('nasal preparations');
    for (const name of ['fluticasone nasal spray', 'budesonide nasal spray', 'triamcinolone nasal spray', 'beclometasone nasal spray', 'mometasone']) expect(isMemberOf(entry(name).code, nasal)).toBe(true);
    // A generic named without its form may be the nasal spray said in another sentence ("fluticasone ... which is a
    // nasal inhaler"): the inhaled steroids' code stays covered, so the class yields to it.
    expect(isMemberOf(entry('fluticasone').code, nasal)).toBe(true);
    expect(isMemberOf(entry('salbutamol').code, nasal)).toBe(false);
    expect(isMemberOf(entry('tacrolimus ointment').code, entry('corticosteroids, dermatological preparations'))).toBe(false);
    expect(isMemberOf(entry('hydrocortisone cream').code, entry('corticosteroids, dermatological preparations'))).toBe(true);
  });

  it('every form entry is named after a generic the lexicon knows, so the form said with it can find it', () => {
    const forms = ['nasal spray', 'eye drops', 'ear drops', 'vaginal', 'cream', 'ointment', 'gel', 'topical', 'inhaler', 'tablets'];
    const formEntries = MEDICINES.filter((medicine) => forms.some((form) => medicine.name.endsWith(` ${form}`)));
    expect(formEntries.length).toBeGreaterThan(20);
    const orphans = formEntries.filter((medicine) => !forms.some((form) => medicine.name.endsWith(` ${form}`) && MEDICINES.some((other) => other.name === medicine.name.slice(0, -form.length - 1))));
    // 'fluticasone furoate nasal spray' is reached by its brands only: fluticasone furoate alone is an inhaled steroid
    // in combinations the lexicon names whole (Breo, Trelegy).
    expect(orphans.map((medicine) => medicine.name)).toEqual(['fluticasone furoate nasal spray']);
  });

  it('writes the corrected codes into the EMR', async () => {
    const emr = await emrOf('Patient: I use the NuvaRing, and I take Lyrica and Antivert.');
    expect(emr.medications.map(({ name, atc }) => [name, atc])).toEqual([
      ['etonogestrel and ethinylestradiol', 'G02BB01'],
      ['pregabalin', 'N02BF02'],
      ['meclizine', 'R06AE05'],
    ]);
  });
});
