import type { ScribeConfig } from '../config/scribe-config';

/**
 * A resolved configuration for tests, built by hand so tests of sessions, uploads and polling do not depend on the
 * resolver. Defaults: `eka` against `http://127.0.0.1:8080`, API key auth, one default template.
 */
export function createTestConfig(overrides: Partial<ScribeConfig> = {}): ScribeConfig {
  const dialect = overrides.dialect ?? 'eka';
  return {
    dialect,
    env: 'prod',
    baseUrl: dialect === 'eka' ? 'http://127.0.0.1:8080' : undefined,
    authBaseUrl: 'http://127.0.0.1:8080',
    discoveryUrl: dialect === 'msa' ? 'http://127.0.0.1:8080/.well-known/medscribealliance' : undefined,
    explicitUrls: { baseUrl: dialect === 'eka', authBaseUrl: true, discoveryUrl: dialect === 'msa' },
    clientId: undefined,
    clientSecret: undefined,
    apiKey: 'sk_test_local_dev',
    accessToken: undefined,
    jwtPayload: undefined,
    defaultTemplates: ['clinical_notes_template'],
    defaultModel: 'lite',
    defaultSessionMode: 'dictation',
    defaultLanguageHint: undefined,
    transcriptLanguage: undefined,
    requestTimeout: 60,
    pollInterval: 1,
    pollIntervalExplicit: false,
    pollTimeout: 600,
    maxRetries: 3,
    maxChunkSeconds: undefined,
    allowInsecure: false,
    ...overrides,
  };
}

/** A discovery document like the reference server's (contract 2.2), for `origin`. Override fields with `patch`. */
export function createTestDiscoveryDocument(origin = 'http://127.0.0.1:8080', patch: Record<string, unknown> = {}): Record<string, unknown> {
  const languages = ['en', 'hi', 'gu', 'kn', 'ml', 'ta', 'te', 'bn', 'mr', 'pa'];
  return {
    protocol: 'medscribealliance',
    protocol_version: '0.1',
    supported_versions: ['0.1'],
    service: { name: 'test service' },
    endpoints: { base_url: `${origin}/v1`, templates_url: `${origin}/v1/templates`, webhooks_url: `${origin}/v1/webhooks` },
    authentication: { supported_methods: ['api_key'] },
    capabilities: {
      audio_formats: ['audio/wav', 'audio/webm;codecs=opus', 'audio/mpeg'],
      max_chunk_duration_seconds: 20,
      upload_methods: ['chunked', 'single'],
      webhook_delivery: true,
      client_sdk_delivery: false,
    },
    models: [
      { id: 'lite', languages, max_session_duration_seconds: 3600 },
      { id: 'pro', languages, max_session_duration_seconds: 3600 },
    ],
    languages: { supported: languages, auto_detection: true },
    ...patch,
  };
}
