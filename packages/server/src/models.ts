/** The ten languages of the reference service (contract 2.2, 9.3). */
export const DEFAULT_LANGUAGES: readonly string[] = ['en', 'hi', 'gu', 'kn', 'ml', 'ta', 'te', 'bn', 'mr', 'pa'];

/** A transcription model the server offers (discovery `models[]`). */
export interface ModelConfig {
  id: string;
  displayName: string;
  /** ISO 639-1 codes accepted in `language_hint`. */
  languages: readonly string[];
  /** Session lifetime: `expires_at − created_at`. Whole seconds, at least 1. */
  maxSessionDurationSeconds: number;
  responseSpeed?: 'fast' | 'standard' | 'thorough';
}

/** The default `lite` and `pro` models, each allowing sessions of `sessionDurationSeconds` (default 3600). */
export function defaultModels(sessionDurationSeconds = 3600): ModelConfig[] {
  return [
    { id: 'lite', displayName: 'Lite', languages: DEFAULT_LANGUAGES, maxSessionDurationSeconds: sessionDurationSeconds, responseSpeed: 'fast' },
    { id: 'pro', displayName: 'Pro', languages: DEFAULT_LANGUAGES, maxSessionDurationSeconds: sessionDurationSeconds, responseSpeed: 'standard' },
  ];
}
