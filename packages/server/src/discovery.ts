import type { Handler } from './http/context.js';
import { json } from './http/responses.js';
import { DEFAULT_LANGUAGES } from './models.js';
import type { ResolvedOptions } from './options.js';

/**
 * The discovery document of contract 2.2, identical at every location. `stream` is advertised in `upload_methods`
 * and `extensions.stream` (with the resume extension of 6.6) because the server implements section 6.
 */
export function discoveryDocument(origin: string, options: ResolvedOptions): Record<string, unknown> {
  const base = `${origin}/v1`;
  const languages = [...new Set(options.models.flatMap((model) => model.languages))];
  const versions = [...options.supportedVersions];
  return {
    protocol: 'medscribealliance',
    protocol_version: versions[versions.length - 1] ?? '0.1',
    supported_versions: versions,
    service: { name: 'Scribe local reference server' },
    endpoints: { base_url: base, templates_url: `${base}/templates`, webhooks_url: `${base}/webhooks` },
    authentication: { supported_methods: options.onPrem ? ['password'] : ['api_key'] },
    capabilities: {
      audio_formats: [...new Set(['audio/wav', ...(options.engine.audioFormats ?? [])])],
      max_chunk_duration_seconds: 20,
      upload_methods: ['chunked', 'single', 'stream'],
      webhook_delivery: true,
      client_sdk_delivery: false,
    },
    models: options.models.map((model) => ({
      id: model.id,
      display_name: model.displayName,
      languages: [...model.languages],
      max_session_duration_seconds: model.maxSessionDurationSeconds,
      ...(model.responseSpeed ? { response_speed: model.responseSpeed } : {}),
    })),
    languages: { supported: languages.length > 0 ? languages : [...DEFAULT_LANGUAGES], auto_detection: true },
    extensions: {
      // The on-prem variant says how it logs in instead: a password login and no refresh route.
      ...(options.onPrem
        ? { password_login: { login_url: `${origin}/connect-auth/v1/login` } }
        : {
            client_credentials: {
              login_url: `${origin}/connect-auth/v1/account/login`,
              refresh_url: `${origin}/connect-auth/v1/account/refresh-token`,
            },
          }),
      session_fields: ['session_mode', 'patient_details', 'session_id'],
      session_patch: true,
      process_template: true,
      raw_audio_path: true,
      stream: {
        protocol: 'websocket',
        frame_modes: ['binary', 'json'],
        encoding: 'pcm_s16le',
        sample_rate: 16000,
        max_frame_bytes: options.stream.maxFrameBytes,
        max_speed: options.stream.maxSpeed,
        resume: true,
      },
    },
  };
}

/** `GET /.well-known/medscribealliance` and `GET {P}/.well-known/medscribealliance`: public, cached for an hour. */
export function createDiscoveryHandler(options: ResolvedOptions): Handler {
  return async (ctx) => json(200, discoveryDocument(ctx.origin, options), { 'Cache-Control': 'max-age=3600' });
}
