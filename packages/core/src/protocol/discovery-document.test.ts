import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiscoveryDocument } from './discovery-document';
import { negotiateProtocolVersion, sameProtocolVersion } from './protocol-version';
import { thrownScribeError } from '../../test/thrown-scribe-error';

const specExample = JSON.parse(readFileSync(new URL('../../../server/spec/discovery-document.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const minimal = {
  protocol: 'medscribealliance',
  protocol_version: '0.1',
  supported_versions: ['0.1'],
  endpoints: { base_url: 'http://127.0.0.1:8080/v1' },
  authentication: { supported_methods: ['api_key'] },
  capabilities: { audio_formats: ['audio/wav'], max_chunk_duration_seconds: 20 },
  models: [{ id: 'lite' }],
};

describe('parseDiscoveryDocument [#4]', () => {
  it('parses the spec example document', () => {
    const doc = parseDiscoveryDocument(specExample);
    expect(doc.protocolVersion).toBe('0.1');
    expect(doc.endpoints.baseUrl).toBe('https://api.medscribepro.example.com/v1');
    expect(doc.endpoints.webhooksUrl).toBe('https://api.medscribepro.example.com/v1/webhooks');
    expect(doc.capabilities).toEqual({
      audioFormats: ['audio/webm;codecs=opus', 'audio/wav', 'audio/ogg', 'audio/ogg;codecs=opus'],
      maxChunkDurationSeconds: 20,
      uploadMethods: ['chunked', 'single'],
      webhookDelivery: true,
      clientSdkDelivery: true,
    });
    expect(doc.models.map((model) => model.id)).toEqual(['lite', 'standard', 'pro']);
    expect(doc.models[0]).toMatchObject({ displayName: 'Lite', languages: ['en', 'hi'], maxSessionDurationSeconds: 600, responseSpeed: 'fast' });
    expect(doc.languages).toEqual({ supported: ['en', 'hi', 'ta', 'te', 'bn', 'mr', 'gu', 'kn', 'ml', 'pa'], autoDetection: true });
    expect(doc.service.name).toBe('MedScribe Pro');
  });

  it('[contradiction #13] OIDC endpoints come from authentication.oidc first, then endpoints', () => {
    expect(parseDiscoveryDocument(specExample).authentication.oidc).toEqual({
      issuer: 'https://auth.medscribepro.example.com',
      authorizationEndpoint: 'https://auth.medscribepro.example.com/oauth/authorize',
      tokenEndpoint: 'https://auth.medscribepro.example.com/oauth/token',
      scopesSupported: ['openid', 'profile'],
    });
    const both = parseDiscoveryDocument({
      ...minimal,
      endpoints: { ...minimal.endpoints, token_endpoint: 'https://e/token' },
      authentication: { supported_methods: ['oidc'], oidc: { token_endpoint: 'https://oidc/token' } },
    });
    expect(both.authentication.oidc?.tokenEndpoint).toBe('https://oidc/token');
    expect(parseDiscoveryDocument(minimal).authentication.oidc).toBeUndefined();
  });

  it('[contradiction #14] requires only the minimal list and defaults the rest', () => {
    const doc = parseDiscoveryDocument(minimal);
    expect(doc.capabilities.uploadMethods).toEqual(['chunked', 'single']);
    expect(doc.capabilities.webhookDelivery).toBe(false);
    expect(doc.capabilities.clientSdkDelivery).toBe(false);
    expect(doc.languages).toEqual({ supported: [], autoDetection: false });
    expect(doc.models[0]).toEqual({ id: 'lite', displayName: undefined, languages: undefined, maxSessionDurationSeconds: undefined, responseSpeed: undefined, features: {} });
    expect(doc.extensions).toEqual({});
    expect(doc.service.name).toBeUndefined();
  });

  it('[#4] accepts unknown fields and other model ids, keeping them in raw', () => {
    const doc = parseDiscoveryDocument({ ...minimal, models: [{ id: 'ultra', future: 1 }], future_block: { a: 1 }, extensions: { session_patch: true } });
    expect(doc.models[0]?.id).toBe('ultra');
    expect(doc.raw.future_block).toEqual({ a: 1 });
    expect(doc.extensions.session_patch).toBe(true);
  });

  it.each(Object.keys(minimal))('#14: a document without %s is an APIError naming it', (key) => {
    const broken: Record<string, unknown> = { ...minimal };
    delete broken[key];
    const error = thrownScribeError(() => parseDiscoveryDocument(broken));
    expect(error.code).toBe('api_error');
    expect(error.message).toContain(key);
  });

  it.each([
    ['endpoints.base_url', { ...minimal, endpoints: {} }],
    ['authentication.supported_methods', { ...minimal, authentication: {} }],
    ['capabilities.audio_formats', { ...minimal, capabilities: { max_chunk_duration_seconds: 20 } }],
    ['capabilities.max_chunk_duration_seconds', { ...minimal, capabilities: { audio_formats: [] } }],
    ['models.0.id', { ...minimal, models: [{}] }],
  ])('#14: a missing nested %s is an APIError naming its path', (path, broken) => {
    expect(thrownScribeError(() => parseDiscoveryDocument(broken)).message).toContain(path);
  });

  it('[#4] another protocol is a typed error', () => {
    const error = thrownScribeError(() => parseDiscoveryDocument({ ...minimal, protocol: 'other' }));
    expect(error.code).toBe('api_error');
    expect(error.message).toContain('"other"');
  });

  it('[contradiction #40] reads webhook_source_ips from the top level, then capabilities', () => {
    expect(parseDiscoveryDocument({ ...minimal, webhook_source_ips: ['1.2.3.4'] }).webhookSourceIps).toEqual(['1.2.3.4']);
    expect(parseDiscoveryDocument({ ...minimal, capabilities: { ...minimal.capabilities, webhook_source_ips: ['5.6.7.8'] } }).webhookSourceIps).toEqual(['5.6.7.8']);
    expect(parseDiscoveryDocument(minimal).webhookSourceIps).toBeUndefined();
  });

  it('accepts numeric versions and a numeric-string chunk limit', () => {
    const doc = parseDiscoveryDocument({ ...minimal, protocol_version: 0.1, supported_versions: [0.1], capabilities: { ...minimal.capabilities, max_chunk_duration_seconds: '20' } });
    expect(doc.supportedVersions).toEqual(['0.1']);
    expect(doc.capabilities.maxChunkDurationSeconds).toBe(20);
  });
});

describe('protocol versions [#10] [contradiction #36]', () => {
  it('compares MAJOR.MINOR only', () => {
    expect(sameProtocolVersion('0.1', '0.1.0')).toBe(true);
    expect(sameProtocolVersion('0.1', '0.2')).toBe(false);
    expect(sameProtocolVersion('garbage', '0.1')).toBe(false);
  });

  it('picks the highest shared version in the SDK spelling, or undefined', () => {
    expect(negotiateProtocolVersion(['0.1.0'])).toBe('0.1');
    expect(negotiateProtocolVersion(['0.1', '0.2'], ['0.1', '0.2'])).toBe('0.2');
    expect(negotiateProtocolVersion(['1.0'])).toBeUndefined();
  });
});
