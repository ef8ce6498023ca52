import { type EkaEmrTemplate, ekaEmrTemplateSchema, emptyEkaEmr } from '@scribe/core/templates';
import { beforeAll, vi } from 'vitest';
import { createRuleBasedExtractor } from '../../src/processing/extractors/rules/rule-based-extractor.js';

const extractor = createRuleBasedExtractor();

// Each test file builds wink's model once (seconds of CPU) and then runs hundreds of millisecond cases; on a loaded
// 2-core CI machine running other packages' suites beside it, the default 5 s per case was exceeded. Correctness is
// what these files test, so they get room (speed is measured by `quality:dialogues`, not here).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
beforeAll(async () => {
  await emrOf('Patient: I have a cough.');
});

/** The EMR the rule-based extractor writes for a transcript (an empty one when it finds nothing). */
export async function emrOf(transcript: string): Promise<EkaEmrTemplate> {
  const outcome = await extractor.extract({ sessionId: 's', templateId: 'eka_emr_template', transcript, language: 'en', model: 'lite', sessionMode: 'consultation' }, new AbortController().signal);
  if (outcome.status !== 'success') return emptyEkaEmr();
  return ekaEmrTemplateSchema.parse(outcome.data);
}

/** The names of extracted items, in order. */
export const names = (items: readonly { name: string }[]): string[] => items.map((item) => item.name);

/** The same exchange typed with labels, typed without, and as a recogniser writes it (lower case, no punctuation). */
export function shapes(turns: readonly [string, string][]): [string, string][] {
  return [
    ['labelled', turns.map(([speaker, text]) => `${speaker}: ${text}`).join('\n')],
    ['unlabelled', turns.map(([, text]) => text).join('\n')],
    ['recogniser', turns.map(([, text]) => text.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim()).join('\n')],
  ];
}
