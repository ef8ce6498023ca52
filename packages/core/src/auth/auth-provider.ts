/** Which of the credential modes of contract 1.1 a provider implements. */
export type AuthMode = 'jwt-payload' | 'bearer' | 'client-credentials' | 'api-key' | 'none';

/** Options of {@link AuthProvider.headers}. */
export interface AuthHeadersOptions {
  /** Stops waiting for a login or token; a login shared with other callers goes on while anyone still waits. */
  signal?: AbortSignal;
}

/** Options of {@link AuthProvider.onUnauthorized}. */
export interface UnauthorizedOptions {
  /** Stops a renewal this call started or waits for. */
  signal?: AbortSignal;
  /** The headers the rejected request carried, so a credential renewed meanwhile by another call is not dropped. */
  rejectedHeaders?: Record<string, string>;
}

/**
 * Supplies the credential headers of one auth mode (contract 1.1) and reacts to a 401. The transport calls `headers`
 * before every authenticated attempt and `onUnauthorized` at most once per call.
 */
export interface AuthProvider {
  /** The mode, for diagnostics and advice. */
  readonly mode?: AuthMode;
  /** Headers to add to a protocol call (may log in first). Rejects with ConfigError or AuthError. */
  headers(options?: AuthHeadersOptions): Promise<Record<string, string>>;
  /** After a 401: renew if the mode allows it; `true` means "retry the call once with fresh headers". */
  onUnauthorized(options?: UnauthorizedOptions): Promise<boolean>;
  /** The business id the credential belongs to, when it can be read locally (never configured, never sent). */
  businessId(): string | undefined;
  /** Every credential value this provider has held, for redaction. */
  secrets(): string[];
  /** What to check when the service rejects this credential; ends AuthError messages. */
  advice?(): string;
}
