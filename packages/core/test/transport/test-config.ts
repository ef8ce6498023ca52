import type { ScribeConfig } from '../../src/config/scribe-config';
import type { Logger } from '../../src/ports/logger';

/** A resolved configuration pointing at a local server; override what a test needs. */
export function testConfig(origin: string, overrides: Partial<ScribeConfig> = {}): ScribeConfig {
  return {
    dialect: 'eka',
    env: 'prod',
    baseUrl: origin,
    authBaseUrl: origin,
    discoveryUrl: undefined,
    explicitUrls: { baseUrl: true, authBaseUrl: true, discoveryUrl: false },
    clientId: undefined,
    clientSecret: undefined,
    apiKey: undefined,
    accessToken: undefined,
    jwtPayload: undefined,
    defaultTemplates: [],
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
    allowInsecure: true,
    ...overrides,
  };
}

/** A logger that keeps every line, to check that nothing secret reaches it. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
