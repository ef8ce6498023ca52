/** Text shown in place of a secret. */
export const REDACTED = '[REDACTED]';

// Shapes that are secrets whoever wrote them: bearer tokens, JWTs, API keys, webhook secrets, stream capability URLs,
// and JSON fields whose names say they hold a secret.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(Bearer|X-API-Key)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /\b(sk|whsec|rt)_[A-Za-z0-9_-]{6,}/g,
  /("?(?:client_secret|access_token|refresh_token|api_key|secret|password|jwt-payload|jwt_payload)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,}&]+)/gi,
  /(\/stream\/sessions\/)[^/?#\s"']+/g,
];

/**
 * Removes secrets from a string: every explicitly known secret value, then every pattern that always denotes one.
 * Secrets shorter than 4 characters are ignored to avoid mangling ordinary text.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(SECRET_PATTERNS[0]!, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(SECRET_PATTERNS[1]!, REDACTED);
  out = out.replace(SECRET_PATTERNS[2]!, (_m, prefix: string) => `${prefix}_${REDACTED}`);
  out = out.replace(SECRET_PATTERNS[3]!, (_m, key: string, value: string) =>
    `${key}${value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`,
  );
  out = out.replace(SECRET_PATTERNS[4]!, (_m, prefix: string) => `${prefix}${REDACTED}`);
  return out;
}

const SECRET_KEYS = /^(client_?secret|access_?token|refresh_?token|api_?key|secret|password|authorization|jwt[-_]?payload|x-api-key|stream_?id)$/i;

/** Deep-copies plain data with secret-named keys replaced and secrets removed from every string. */
export function redactValue(value: unknown, secrets: Iterable<string> = [], depth = 0): unknown {
  const known = [...secrets];
  if (typeof value === 'string') return redactText(value, known);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, known, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEYS.test(key) && item != null ? REDACTED : redactValue(item, known, depth + 1);
  }
  return out;
}
