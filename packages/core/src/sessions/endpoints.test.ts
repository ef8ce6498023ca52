import { describe, expect, it } from 'vitest';
import { buildEndpoints, encodePathSegment } from './endpoints';

describe('buildEndpoints', () => {
  it('[#1] eka: {base}/v1/sessions..., trailing slash stripped, prefix kept', () => {
    const e = buildEndpoints({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice/' });
    expect(e.sessions()).toBe('https://api.eka.care/voice/v1/sessions');
    expect(e.session('ses_1')).toBe('https://api.eka.care/voice/v1/sessions/ses_1');
    expect(e.end('ses_1')).toBe('https://api.eka.care/voice/v1/sessions/ses_1/end');
    expect(e.audioFile('ses_1', 'chunk_0.wav')).toBe('https://api.eka.care/voice/v1/sessions/ses_1/audio/chunk_0.wav');
    expect(e.processTemplate('ses_1')).toBe('https://api.eka.care/voice/v1/sessions/ses_1/process/template');
    expect(e.processTemplate('ses_1', 'eka_emr_template')).toBe('https://api.eka.care/voice/v1/sessions/ses_1/process/template/eka_emr_template');
    expect(e.templates()).toBe('https://api.eka.care/voice/v1/templates');
  });

  it('[#3] msa: paths hang from discovery base_url; templates_url and webhooks_url used when given', () => {
    const e = buildEndpoints({ dialect: 'msa', baseUrl: 'https://scribe.example.com/v1', templatesUrl: 'https://t.example.com/list', webhooksUrl: 'https://scribe.example.com/v1/hooks/' });
    expect(e.sessions()).toBe('https://scribe.example.com/v1/sessions');
    expect(e.audio('ses_1')).toBe('https://scribe.example.com/v1/sessions/ses_1/audio');
    expect(e.templates()).toBe('https://t.example.com/list');
    expect(e.webhooks()).toBe('https://scribe.example.com/v1/hooks');
    const plain = buildEndpoints({ dialect: 'msa', baseUrl: 'https://scribe.example.com/v1' });
    expect(plain.templates()).toBe('https://scribe.example.com/v1/templates');
    expect(plain.webhooks()).toBe('https://scribe.example.com/v1/webhooks');
  });

  it('[#63] session ids are opaque and always percent-encoded', () => {
    const e = buildEndpoints({ dialect: 'eka', baseUrl: 'http://127.0.0.1:8080' });
    const long = 'a'.repeat(64);
    expect(e.session('ses_a-b_c')).toBe('http://127.0.0.1:8080/v1/sessions/ses_a-b_c');
    expect(e.session('ses_expired123')).toBe('http://127.0.0.1:8080/v1/sessions/ses_expired123');
    expect(e.session(long)).toBe(`http://127.0.0.1:8080/v1/sessions/${long}`);
    expect(e.session('a/b?c#d e')).toBe('http://127.0.0.1:8080/v1/sessions/a%2Fb%3Fc%23d%20e');
    expect(() => e.end('..')).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(e.processTemplate('x', 'a/b')).toBe('http://127.0.0.1:8080/v1/sessions/x/process/template/a%2Fb');
  });

  it('refuses the dot segments and the empty id, which URL parsers would send to another path', () => {
    expect(() => encodePathSegment('.')).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(() => encodePathSegment('')).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(encodePathSegment('a.b')).toBe('a.b');
    expect(encodePathSegment('ü')).toBe('%C3%BC');
  });
});
