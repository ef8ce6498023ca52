import type { LexiconEntry } from './lexicon-entry.js';

/**
 * Classes of medicine that people name instead of a drug ("my blood thinner", "a water pill", "the inhaler"), as WHO
 * ATC groups (the group's own name, its code at level 1 to 4). Each is a `group`: a named medicine said beside it or
 * of the same group in the sentence is the better name (see clinical-matcher.ts). Facts only, written for this project.
 */
export const MEDICINE_CLASSES: readonly LexiconEntry[] = [
  { name: 'antithrombotic agents', synonyms: ['blood thinner', 'blood thinners', 'anticoagulant', 'anticoagulants', 'antiplatelet'], code: 'B01A', group: true },
  { name: 'diuretics', synonyms: ['water pill', 'fluid pill', 'diuretic'], code: 'C03', group: true },
  { name: 'hmg coa reductase inhibitors', synonyms: ['statin', 'statins'], code: 'C10AA', group: true },
  { name: 'lipid modifying agents', synonyms: ['cholesterol medication', 'cholesterol medicine', 'cholesterol meds', 'cholesterol pill', 'cholesterol lowering medication'], code: 'C10', group: true },
  { name: 'antihypertensives', synonyms: ['blood pressure medication', 'blood pressure medicine', 'blood pressure meds', 'blood pressure pill', 'blood pressure tablet', 'bp medication', 'bp medicine', 'bp meds', 'antihypertensive'], code: 'C02', group: true, covers: ['C03', 'C07', 'C08', 'C09'] },
  { name: 'drugs used in diabetes', synonyms: ['diabetes medication', 'diabetes medicine', 'diabetes meds', 'diabetes pill', 'diabetic medication', 'diabetic medicine', 'oral hypoglycemic', 'oral hypoglycaemic', 'sugar medication', 'sugar medicine'], code: 'A10', group: true },
  { name: 'drugs for obstructive airway diseases', synonyms: ['inhaler', 'steroid inhaler', 'puffer', 'rescue inhaler', 'asthma inhaler', 'asthma medication', 'asthma medicine', 'bronchodilator'], code: 'R03', group: true },
  { name: 'corticosteroids, dermatological preparations', synonyms: ['steroid cream', 'steroid ointment', 'cortisone cream', 'topical steroid'], code: 'D07', group: true },
  { name: 'corticosteroids for systemic use', synonyms: ['steroid', 'steroids', 'oral steroid', 'steroid pill', 'steroid tablet', 'corticosteroid'], code: 'H02', group: true },
  { name: 'hormonal contraceptives for systemic use', synonyms: ['birth control', 'birth control pill', 'oral contraceptive', 'oral contraceptive pill', 'contraceptive pill', 'combined pill', 'ocp'], code: 'G03A', group: true, covers: ['G02BB', 'G02BA03'] },
  { name: 'emergency contraceptives', synonyms: ['morning after pill', 'emergency contraceptive', 'emergency contraception'], code: 'G03AD', group: true },
  { name: 'ophthalmologicals', synonyms: ['eye drops', 'eyedrops', 'eye drop'], code: 'S01', group: true },
  { name: 'otologicals', synonyms: ['ear drops', 'ear drop'], code: 'S02', group: true },
  { name: 'nasal preparations', synonyms: ['nasal spray', 'nose spray', 'nasal steroid', 'steroid nasal spray', 'steroid spray', 'nasal inhaler', 'decongestant'], code: 'R01', group: true, covers: ['R03BA'] },
  { name: 'cough and cold preparations', synonyms: ['cough syrup', 'cough medicine', 'cough medication', 'cold medicine'], code: 'R05', group: true },
  { name: 'vitamins', synonyms: ['vitamin supplement'], code: 'A11', group: true, covers: ['B03BA', 'B03BB', 'B02BA'] },
  { name: 'proton pump inhibitors', synonyms: ['proton pump inhibitor', 'ppi', 'ppis'], code: 'A02BC', group: true },
  { name: 'beta blocking agents', synonyms: ['beta blocker', 'beta blockers', 'b blocker'], code: 'C07', group: true },
  { name: 'ace inhibitors', synonyms: ['ace inhibitor'], code: 'C09A', group: true, covers: ['C09B'] },
  { name: 'angiotensin ii receptor blockers', synonyms: ['angiotensin receptor blocker', 'arb', 'arbs'], code: 'C09C', group: true, covers: ['C09D'] },
  { name: 'calcium channel blockers', synonyms: ['calcium channel blocker'], code: 'C08', group: true },
  { name: 'selective serotonin reuptake inhibitors', synonyms: ['ssri', 'ssris'], code: 'N06AB', group: true },
  { name: 'benzodiazepine derivatives', synonyms: ['benzodiazepine', 'benzodiazepines', 'benzo', 'benzos'], code: 'N05BA', group: true, covers: ['N03AE', 'N05CD'] },
  { name: 'antidepressants', synonyms: ['antidepressant', 'anti depressant', 'depression medication', 'depression medicine'], code: 'N06A', group: true },
  { name: 'antipsychotics', synonyms: ['antipsychotic', 'anti psychotic'], code: 'N05A', group: true },
  { name: 'antiepileptics', synonyms: ['antiepileptic', 'anticonvulsant', 'seizure medication', 'seizure medicine', 'seizure meds', 'anti seizure medication'], code: 'N03', group: true, covers: ['N02BF'] },
  { name: 'opioids', synonyms: ['opioid', 'opiate', 'narcotic', 'narcotic pain medication'], code: 'N02A', group: true },
  { name: 'analgesics', synonyms: ['painkiller', 'pain killer', 'pain medication', 'pain medicine', 'pain meds', 'pain pill', 'pain reliever'], code: 'N02', group: true, covers: ['M01A'] },
  { name: 'anti-inflammatory and antirheumatic products, non-steroids', synonyms: ['nsaid', 'nsaids', 'anti inflammatory', 'anti inflammatories', 'antiinflammatory', 'anti inflammatory medication'], code: 'M01A', group: true },
  { name: 'muscle relaxants', synonyms: ['muscle relaxant', 'muscle relaxer'], code: 'M03', group: true },
  { name: 'hypnotics and sedatives', synonyms: ['sleeping pill', 'sleeping tablet', 'sleep aid', 'sleep medication', 'sleep medicine'], code: 'N05C', group: true, covers: ['N05B', 'N06AX05'] },
  { name: 'laxatives', synonyms: ['laxative', 'stool softener'], code: 'A06', group: true },
  { name: 'antimycotics for dermatological use', synonyms: ['antifungal cream', 'antifungal', 'anti fungal'], code: 'D01', group: true },
  { name: 'antivirals for systemic use', synonyms: ['antiviral', 'antivirals', 'antiviral medication'], code: 'J05', group: true },
];
