import type { LexiconEntry } from './lexicon-entry.js';

/**
 * Tests a consultation may order, by their common names and abbreviations (spelled-out letters such as "e c g" are
 * joined into "ecg" before matching). Plain names of tests need no source.
 */
export const INVESTIGATIONS: readonly LexiconEntry[] = [
  { name: 'ECG', synonyms: ['ecg', 'ekg', 'electrocardiogram'] },
  { name: 'echocardiogram', synonyms: ['echo', '2d echo'] },
  { name: 'chest X-ray', synonyms: ['chest x ray', 'x ray of the chest'] },
  { name: 'X-ray', synonyms: ['x ray'] },
  { name: 'complete blood count', synonyms: ['cbc', 'full blood count', 'blood count', 'hemogram', 'haemogram'] },
  { name: 'HbA1c', synonyms: ['hba1c', 'a1c', 'glycated haemoglobin', 'glycated hemoglobin', 'glycosylated hemoglobin'] },
  { name: 'blood glucose test', synonyms: ['blood sugar test', 'sugar test', 'glucose test', 'fasting sugar', 'fasting blood sugar'] },
  { name: 'lipid profile', synonyms: ['lipid panel', 'cholesterol test'] },
  { name: 'thyroid function test', synonyms: ['thyroid test', 'tft', 'tsh'] },
  { name: 'liver function test', synonyms: ['lft', 'liver test'] },
  { name: 'kidney function test', synonyms: ['kft', 'renal function test', 'creatinine'] },
  { name: 'urine test', synonyms: ['urine routine', 'urinalysis', 'urine examination', 'urine analysis'] },
  { name: 'urine culture' },
  { name: 'stool test', synonyms: ['stool examination'] },
  { name: 'blood culture' },
  { name: 'blood test', synonyms: ['blood tests', 'blood work', 'blood investigations'] },
  { name: 'ultrasound', synonyms: ['usg', 'sonography', 'ultrasound scan'] },
  { name: 'CT scan', synonyms: ['ct', 'ct scan', 'cat scan'] },
  { name: 'MRI', synonyms: ['mri', 'mri scan'] },
  { name: 'peak flow test', synonyms: ['peak flow', 'spirometry', 'lung function test'] },
  { name: 'dengue test', synonyms: ['ns1', 'dengue ns1'] },
  { name: 'malaria test', synonyms: ['malaria smear', 'malaria parasite test'] },
  { name: 'COVID-19 test', synonyms: ['covid test', 'rt pcr', 'rtpcr'] },
  { name: 'pregnancy test' },
];
