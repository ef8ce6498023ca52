import { describe, expect, it } from 'vitest';
import { emptyEkaEmr } from './eka-emr-template';
import { parseTemplateData } from './template-data-schemas';

const EMR = {
  symptoms: [{ name: 'cough', duration: { value: 3, unit: 'day', text: '3 days' }, severity: 'mild', icd10: 'R05', text: 'A mild cough for three days.' }],
  absent_symptoms: [{ name: 'fever', text: 'No fever.' }],
  medications: [
    {
      name: 'paracetamol',
      spoken_name: 'acetaminophen',
      atc: 'N02BE01',
      dose: { value: 500, unit: 'mg', text: '500 mg' },
      route: 'oral',
      frequency: { text: 'three times daily', times_per_day: 3, pattern: null, as_needed: false },
      duration: { value: 3, unit: 'day', text: '3 days' },
      timing: 'after food',
      text: 'Take acetaminophen 500 mg three times a day after food for three days.',
    },
  ],
  vitals: [{ name: 'blood_pressure', value: '140/90', unit: 'mmHg', text: 'BP 140/90.' }],
  diagnoses: [{ name: 'viral infection', icd10: 'B34.9', certainty: 'suspected', text: 'Looks like a viral infection.' }],
  investigations: [{ name: 'ECG', text: 'We will do an ECG.' }],
  advice: ['drink plenty of water'],
  follow_up: { interval: { value: 2, unit: 'week', text: '2 weeks' }, text: 'come back in 2 weeks' },
  document_id: 'kept',
};

describe('parseTemplateData', () => {
  it('types a well-formed EMR and keeps unknown fields', () => {
    const parsed = parseTemplateData('eka_emr_template', EMR);
    expect(parsed).toEqual({ success: true, data: EMR });
  });

  it('an empty EMR is a valid one, and a fresh object each time', () => {
    expect(parseTemplateData('eka_emr_template', emptyEkaEmr())).toEqual({ success: true, data: emptyEkaEmr() });
    const first = emptyEkaEmr();
    first.symptoms.push({ name: 'cough', duration: null, severity: null, icd10: null, text: 'cough' });
    expect(emptyEkaEmr().symptoms).toEqual([]);
  });

  it('names the paths that do not fit, never the values', () => {
    const parsed = parseTemplateData('eka_emr_template', { ...EMR, vitals: [{ name: 'mood', value: 'secret', unit: '', text: '' }], follow_up: undefined });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.issues.some((issue) => issue.startsWith('vitals.0.name:'))).toBe(true);
    expect(parsed.issues.some((issue) => issue.startsWith('follow_up:'))).toBe(true);
    expect(parsed.issues.join(' ')).not.toContain('secret');
  });

  it('checks the SOAP note and the transcript template', () => {
    expect(parseTemplateData('clinical_notes_template', { subjective: 'Cough.', objective: '', assessment: '', plan: '', chief_complaint: null }).success).toBe(true);
    expect(parseTemplateData('clinical_notes_template', { subjective: 'Cough.' }).success).toBe(false);
    const transcript = { transcript: 'a\nb', turns: [{ speaker: null, text: 'a', sentences: ['A.'] }], speakers: [], word_count: 2 };
    expect(parseTemplateData('transcript_template', transcript)).toEqual({ success: true, data: transcript });
  });
});
