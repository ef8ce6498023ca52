import { describe, expect, it } from 'vitest';
import { ekaDefaultDescription, type ServiceDescription } from '../discovery/service-description';
import { createTestConfig } from '../testing/test-config';
import { buildCreateSessionBody, languageHint } from './create-session-body';

const eka = createTestConfig({ dialect: 'eka' });
const msa = createTestConfig({ dialect: 'msa' });
const discovered: ServiceDescription = { ...ekaDefaultDescription(), source: 'discovery', uploadMethods: ['chunked', 'single'], version: '0.1' };

describe('buildCreateSessionBody: eka', () => {
  it('[#26] minimal call: templates, model, session_mode, upload_type, communication_protocol, nothing else', () => {
    const body = buildCreateSessionBody({}, eka);
    expect(body).toEqual({
      templates: ['clinical_notes_template'],
      model: 'lite',
      session_mode: 'dictation',
      upload_type: 'chunked',
      communication_protocol: 'http',
    });
  });

  it('[#26] every optional field when set, string language hint wrapped', () => {
    const body = buildCreateSessionBody(
      {
        templates: ['eka_emr_template'],
        model: 'pro',
        sessionMode: 'consultation',
        languageHint: 'hi',
        transcriptLanguage: 'en',
        additionalData: { encounter: 'E-17' },
        patientDetails: { name: 'P' },
        sessionId: 'client_chosen_id_0001',
      },
      eka,
    );
    expect(Object.keys(body).sort()).toEqual(
      ['additional_data', 'communication_protocol', 'language_hint', 'model', 'patient_details', 'session_id', 'session_mode', 'templates', 'transcript_language', 'upload_type'].sort(),
    );
    expect(body.language_hint).toEqual(['hi']);
    expect(body.model).toBe('pro');
    expect(body.session_mode).toBe('consultation');
  });

  it('[#26] auto_detect is sent as ["auto_detect"]; configured hint and transcript language apply', () => {
    expect(buildCreateSessionBody({ languageHint: 'auto_detect' }, eka).language_hint).toEqual(['auto_detect']);
    const configured = createTestConfig({ defaultLanguageHint: ['en', 'hi'], transcriptLanguage: 'en', defaultModel: 'pro', defaultSessionMode: 'consultation' });
    const body = buildCreateSessionBody({}, configured);
    expect(body).toMatchObject({ language_hint: ['en', 'hi'], transcript_language: 'en', model: 'pro', session_mode: 'consultation' });
  });

  it('[#26] a stream session uses websocket', () => {
    expect(buildCreateSessionBody({ uploadType: 'stream' }, eka)).toMatchObject({ upload_type: 'stream', communication_protocol: 'websocket' });
  });

  it('[#27] call templates beat default_templates; neither → ConfigError with advice', () => {
    expect(buildCreateSessionBody({ templates: ['a', 'b'] }, eka).templates).toEqual(['a', 'b']);
    const none = createTestConfig({ defaultTemplates: [] });
    expect(() => buildCreateSessionBody({}, none)).toThrowError(/No templates specified and no default_templates configured.*SCRIBE_DEFAULT_TEMPLATES/);
    expect(() => buildCreateSessionBody({ templates: [] }, none)).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});

describe('buildCreateSessionBody: msa', () => {
  it('[#26] minimal call: templates, upload_type, communication_protocol, and the default model only when discovery lists it', () => {
    expect(buildCreateSessionBody({}, msa, discovered)).toEqual({ templates: ['clinical_notes_template'], model: 'lite', upload_type: 'chunked', communication_protocol: 'http' });
    const unlisted = { ...discovered, models: ['standard'] };
    expect(buildCreateSessionBody({}, msa, unlisted)).toEqual({ templates: ['clinical_notes_template'], upload_type: 'chunked', communication_protocol: 'http' });
  });

  it('[#26] session_mode, patient_details, session_id only when set explicitly; configured session mode not sent', () => {
    const configured = createTestConfig({ dialect: 'msa', defaultSessionMode: 'consultation' });
    expect(buildCreateSessionBody({}, configured, discovered)).not.toHaveProperty('session_mode');
    const body = buildCreateSessionBody({ sessionMode: 'consultation', patientDetails: { a: 1 }, sessionId: 'client_chosen_id_0001', additionalData: { k: 'v' } }, msa, discovered);
    expect(Object.keys(body).sort()).toEqual(
      ['additional_data', 'communication_protocol', 'model', 'patient_details', 'session_id', 'session_mode', 'templates', 'upload_type'].sort(),
    );
  });

  it('[#26] auto_detect is turned into an absent language_hint; transcript_language as given', () => {
    expect(buildCreateSessionBody({ languageHint: 'auto_detect' }, msa, discovered)).not.toHaveProperty('language_hint');
    expect(buildCreateSessionBody({ languageHint: ['auto_detect', 'hi'] }, msa, discovered).language_hint).toEqual(['hi']);
    expect(buildCreateSessionBody({ transcriptLanguage: 'en' }, msa, discovered).transcript_language).toBe('en');
  });

  it('[#28] a model or upload_type absent from discovery is rejected locally', () => {
    expect(() => buildCreateSessionBody({ model: 'ultra' }, msa, discovered)).toThrow(expect.objectContaining({ code: 'validation_error', details: expect.objectContaining({ model: 'ultra' }) }));
    expect(() => buildCreateSessionBody({ uploadType: 'stream' }, msa, discovered)).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(buildCreateSessionBody({ model: 'pro' }, msa, discovered).model).toBe('pro');
  });

  it('[#27] neither templates nor defaults → ConfigError in msa too', () => {
    expect(() => buildCreateSessionBody({}, createTestConfig({ dialect: 'msa', defaultTemplates: [] }), discovered)).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});

describe('languageHint', () => {
  it('wraps strings, drops empty lists', () => {
    expect(languageHint('en', 'eka')).toEqual(['en']);
    expect(languageHint([], 'eka')).toBeUndefined();
    expect(languageHint(undefined, 'msa')).toBeUndefined();
  });
});
