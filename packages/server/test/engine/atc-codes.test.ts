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

  it('writes the corrected codes into the EMR', async () => {
    const emr = await emrOf('Patient: I use the NuvaRing, and I take Lyrica and Antivert.');
    expect(emr.medications.map(({ name, atc }) => [name, atc])).toEqual([
      ['etonogestrel and ethinylestradiol', 'G02BB01'],
      ['pregabalin', 'N02BF02'],
      ['meclizine', 'R06AE05'],
    ]);
  });
});
