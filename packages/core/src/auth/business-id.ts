/**
 * Decodes the payload of a compact JWT without verifying it (the service verifies; this is for diagnostics only).
 * Anything that is not a three-part JWT with a JSON object payload gives `undefined`.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The business id of a claims object: `b-id`, then `b_id` (contract 1.3). */
export function businessIdFromClaims(claims: Record<string, unknown> | undefined): string | undefined {
  const value = claims?.['b-id'] ?? claims?.['b_id'];
  return typeof value === 'string' && value ? value : undefined;
}

/** The business id carried by an access token, or `undefined` when it is not a JWT or has no such claim. */
export function businessIdFromToken(token: string | undefined): string | undefined {
  return token ? businessIdFromClaims(decodeJwtPayload(token)) : undefined;
}
