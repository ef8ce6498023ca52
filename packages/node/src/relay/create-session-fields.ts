/**
 * Create-session fields the relay forwards (contract 2.4), values as the browser sent them (the service validates
 * them). Everything else is dropped; `session_id` is refused by the caller, since a client-chosen id would let one
 * user probe another's sessions.
 */
export const FORWARDED_CREATE_FIELDS = [
  'templates',
  'model',
  'language_hint',
  'transcript_language',
  'session_mode',
  'upload_type',
  'communication_protocol',
  'additional_data',
  'patient_details',
] as const;

/**
 * The forwarded subset of a create body. `upload_type` and `communication_protocol`, which the protocol requires and
 * every SDK client sends, default to `chunked` and the protocol that goes with the upload type (contract 2.4).
 */
export function pickCreateFields(body: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of FORWARDED_CREATE_FIELDS) if (body[field] !== undefined) picked[field] = body[field];
  picked.upload_type ??= 'chunked';
  picked.communication_protocol ??= picked.upload_type === 'stream' ? 'websocket' : 'http';
  return picked;
}
