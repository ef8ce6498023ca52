// Codes worth naming to a user, with the plain words for them.
const KNOWN_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
};

/** The innermost error of a fetch failure (fetch wraps the socket error: undici's `TypeError: fetch failed` has it as `cause`). */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const next = current instanceof Error ? current.cause : undefined;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}

/** A short human description of a connection failure, such as "connection refused (ECONNREFUSED)". */
export function describeNetworkError(error: unknown): string {
  const root = rootCause(error);
  const code = typeof (root as { code?: unknown })?.code === 'string' ? (root as { code: string }).code : undefined;
  if (code && KNOWN_CODES[code]) return `${KNOWN_CODES[code]} (${code})`;
  const message = root instanceof Error ? root.message : String(root);
  return code ? `${message} (${code})` : message;
}
