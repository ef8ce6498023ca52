import type { EnvironmentName } from './scribe-config';

/** The URLs an environment name stands for. */
export interface EnvironmentPreset {
  /** Protocol base URL (`eka` paths append `/v1/...`). */
  baseUrl: string;
  /** Auth host for client-credentials login. */
  authBaseUrl: string;
}

/** The EkaScribe host pairs (contract 0.2). */
export const ENVIRONMENT_PRESETS: Readonly<Record<EnvironmentName, Readonly<EnvironmentPreset>>> = Object.freeze({
  prod: Object.freeze({ baseUrl: 'https://api.eka.care/voice', authBaseUrl: 'https://api.eka.care' }),
  dev: Object.freeze({ baseUrl: 'https://api.dev.eka.care/voice', authBaseUrl: 'https://api.dev.eka.care' }),
});

/** Valid environment names, sorted, for error messages. */
export const ENVIRONMENT_NAMES: readonly EnvironmentName[] = /* @__PURE__ */ Object.freeze(['dev', 'prod']);

/** The default environment. */
export const DEFAULT_ENVIRONMENT: EnvironmentName = 'prod';
