/** Options of {@link TransportAuth.headers}. */
export interface AuthHeadersOptions {
  /** Stops waiting for a login or token; a login shared with other callers goes on while anyone still waits. */
  signal?: AbortSignal;
}

/** Options of {@link TransportAuth.onUnauthorized}. */
export interface UnauthorizedOptions {
  /** Stops a renewal this call started or waits for. */
  signal?: AbortSignal;
  /** The headers the rejected request carried, so a credential renewed meanwhile by another call is not dropped. */
  rejectedHeaders?: Record<string, string>;
}

/**
 * What the transport needs of credentials: headers before every authenticated attempt and a chance to renew after a
 * 401. Declared here so transport depends on no auth mode; the auth providers implement it.
 */
export interface TransportAuth {
  /** Headers to add to a protocol call (may log in first). Rejects with ConfigError or AuthError. */
  headers(options?: AuthHeadersOptions): Promise<Record<string, string>>;
  /** After a 401: renew if the mode allows it; `true` means "retry the call once with fresh headers". */
  onUnauthorized(options?: UnauthorizedOptions): Promise<boolean>;
  /** Every credential value this provider has held, for redaction. */
  secrets(): string[];
  /** What to check when the service rejects this credential; ends AuthError messages. */
  advice?(): string;
}
