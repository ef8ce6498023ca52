import { parseTemplateData } from '@scribe/core/templates';
import { createRuleBasedExtractor } from '@scribe/server';
import { describe, expect, it } from 'vitest';
import { scoreRun, SCORED_FIELDS } from '../quality';
import { listSamples } from '../samples';

// The extractor alone, on each sample's script as typed: every miss in the audio runs is then the recogniser's.
describe('the rule-based extractor on the typed scripts', () => {
  const extractor = createRuleBasedExtractor();
  it.each(listSamples().map((sample) => ({ name: sample.name, sample })))('$name: every gold field, nothing else', async ({ sample }) => {
    const transcript = sample.gold.script.map((line) => `${line.speaker}: ${line.text}`).join('\n');
    const outcome = await extractor.extract({ sessionId: 's', templateId: 'eka_emr_template', transcript, language: 'en', model: 'lite', sessionMode: 'consultation' }, new AbortController().signal);
    const emr = parseTemplateData('eka_emr_template', outcome.status === 'success' ? outcome.data : undefined);
    expect(emr.success).toBe(true);
    if (!emr.success) return;
    const score = scoreRun(transcript, transcript, emr.data, sample.gold.expected);
    for (const field of SCORED_FIELDS) expect([field, score.fields[field].precision, score.fields[field].recall]).toEqual([field, 1, 1]);
    expect(emr.data.absent_symptoms.map((symptom) => symptom.name)).toEqual(sample.gold.expected.absent_symptoms);
    expect(emr.data.investigations.map((investigation) => investigation.name)).toEqual(sample.gold.expected.investigations);
    expect(emr.data.follow_up?.interval?.text ?? null).toBe(sample.gold.expected.follow_up);
  });
});
