import { describe, expect, it } from 'vitest';
import { normalizeTemplateEntry, normalizeTemplates, toTemplateList } from './template-entry';
import { normalizeProcessingErrors, normalizeWireError } from './wire-error';

describe('normalizeTemplates [#61]', () => {
  it('rule 1: absent, null and non-collections give no entries', () => {
    for (const value of [undefined, null, 'soap', 3]) expect(normalizeTemplates(value)).toEqual([]);
  });

  it('rule 2: a list of single-key objects keeps order and repeated ids', () => {
    const pairs = normalizeTemplates([
      { clinical_notes_template: { status: 'success', data: { plan: 'rest' } } },
      { eka_emr_template: { status: 'success', data: { vitals: [] }, document_id: 'doc_1' } },
      { eka_emr_template: { status: 'success', data: { vitals: [1] }, document_id: 'doc_2' } },
      'junk',
    ]);
    expect(pairs.map(([id]) => id)).toEqual(['clinical_notes_template', 'eka_emr_template', 'eka_emr_template']);
    expect(pairs[1]![1]).toEqual({ status: 'success', data: { vitals: [] }, document_id: 'doc_1' });
  });

  it('rule 2: every key of a multi-key element becomes an entry', () => {
    expect(normalizeTemplates([{ a: { status: 'success' }, b: { status: 'failed' } }]).map(([id]) => id)).toEqual(['a', 'b']);
  });

  it('rule 3: a keyed object gives one entry per key in key order', () => {
    const pairs = normalizeTemplates({
      soap: { status: 'success', data: { subjective: 'x' } },
      medications: { status: 'failed', error: { code: 'template_not_found', message: 'Unknown template' } },
    });
    expect(pairs).toEqual([
      ['soap', { status: 'success', data: { subjective: 'x' } }],
      ['medications', { status: 'failed', error: { code: 'template_not_found', message: 'Unknown template' } }],
    ]);
  });

  it('rule 4: a value without a string status is unwrapped data', () => {
    expect(normalizeTemplateEntry({ subjective: 'x' })).toEqual({ status: 'success', data: { subjective: 'x' } });
    expect(normalizeTemplateEntry([{ name: 'Ibuprofen' }])).toEqual({ status: 'success', data: [{ name: 'Ibuprofen' }] });
    expect(normalizeTemplateEntry({ status: 3, plan: 'x' })).toEqual({ status: 'success', data: { status: 3, plan: 'x' } });
  });

  it('rule 5: a string error becomes {code: "unknown", message} with the raw value kept', () => {
    expect(normalizeTemplateEntry({ status: 'failed', error: 'extraction blew up' })).toEqual({
      status: 'failed',
      error: { code: 'unknown', message: 'extraction blew up', raw: 'extraction blew up' },
    });
  });

  it('keeps unknown entry statuses and extra keys', () => {
    expect(normalizeTemplateEntry({ status: 'queued', eta: 3 })).toEqual({ status: 'queued', eta: 3 });
  });

  it('rule 6: template_errors adds failed entries in every spelling', () => {
    const pairs = normalizeTemplates({ soap: { status: 'success', data: {} } }, [
      { template_id: 'hpi', error: 'timeout', message: 'took too long' },
      { template: 'vitals', code: 'extraction_failed', message: 'no vitals' },
      { template_id: 'referral_letter', error: { code: 'insufficient_audio', message: 'too short' } },
      { template_id: 'x' },
      { message: 'no id' },
    ]);
    expect(pairs).toEqual([
      ['soap', { status: 'success', data: {} }],
      ['hpi', { status: 'failed', error: { code: 'timeout', message: 'took too long' } }],
      ['vitals', { status: 'failed', error: { code: 'extraction_failed', message: 'no vitals' } }],
      ['referral_letter', { status: 'failed', error: { code: 'insufficient_audio', message: 'too short' } }],
      ['x', { status: 'failed', error: { code: 'unknown', message: 'unknown' } }],
    ]);
  });

  it('rule 6: a template already failed in templates is not duplicated', () => {
    const pairs = normalizeTemplates({ soap: { status: 'failed', error: { code: 'timeout', message: 't' } } }, [
      { template_id: 'soap', error: 'timeout', message: 't' },
    ]);
    expect(pairs).toHaveLength(1);
  });

  it('gives the list form of the Python docs', () => {
    const list = toTemplateList(normalizeTemplates({ soap: { status: 'success', data: { a: 1 } } }));
    expect(list).toEqual([{ soap: { status: 'success', data: { a: 1 } } }]);
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen(list[0])).toBe(true);
  });

  it('keeps ids that collide with Object.prototype names as plain keys', () => {
    const list = toTemplateList(normalizeTemplates(JSON.parse('[{"__proto__": {"status": "success"}}]')));
    expect(Object.keys(list[0]!)).toEqual(['__proto__']);
  });
});

describe('error normalisation [#62]', () => {
  it('normalises session and template errors', () => {
    expect(normalizeWireError({ code: 'audio_too_short', message: 'No audio' })).toEqual({ code: 'audio_too_short', message: 'No audio' });
    expect(normalizeWireError('boom')).toEqual({ code: 'unknown', message: 'boom', raw: 'boom' });
    expect(normalizeWireError({ code: 'x' })).toEqual({ code: 'x', message: 'x', raw: { code: 'x' } });
    expect(normalizeWireError({ message: 'm', details: { a: 1 } })).toMatchObject({ code: 'unknown', message: 'm', details: { a: 1 } });
    expect(normalizeWireError(null)).toBeUndefined();
  });

  it('normalises processing_errors, string items included', () => {
    expect(
      normalizeProcessingErrors([
        { type: 'audio_file_skipped', message: 'chunk_2.wav could not be decoded', file: 'chunk_2.wav' },
        'something odd',
        42,
      ]),
    ).toEqual([
      { type: 'audio_file_skipped', message: 'chunk_2.wav could not be decoded', file: 'chunk_2.wav' },
      { type: 'unknown', message: 'something odd' },
    ]);
    expect(normalizeProcessingErrors(undefined)).toEqual([]);
  });
});
