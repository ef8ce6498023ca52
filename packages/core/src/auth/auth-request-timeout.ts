import type { ScribeConfig } from '../config/scribe-config';

/** Per-attempt timeout of login and refresh when the caller set no `requestTimeout` (contract 1.2, 9.1), in milliseconds. */
export const AUTH_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The per-attempt timeout of a login or refresh call: the caller's `requestTimeout` when some layer set it (a slow
 * on-prem login, or a caller who wants to fail fast), else the contract's fixed 30 s.
 */
export function authRequestTimeoutMs(config: Pick<ScribeConfig, 'requestTimeout' | 'requestTimeoutExplicit'>): number {
  if (config.requestTimeoutExplicit && Number.isFinite(config.requestTimeout) && config.requestTimeout > 0) return config.requestTimeout * 1000;
  return AUTH_REQUEST_TIMEOUT_MS;
}
