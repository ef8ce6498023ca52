/**
 * The address of an OpenAI-style endpoint (`/audio/transcriptions`, `/chat/completions`) from what a user configured:
 * the full address is kept, a URL ending in `/v1` gets the path, and a bare server URL gets `/v1` and the path.
 */
export function endpointUrl(configured: string, path: string): string {
  const url = new URL(configured);
  const trimmed = url.pathname.replace(/\/+$/, '');
  if (trimmed.endsWith(path)) url.pathname = trimmed;
  else if (/\/v\d+$/.test(trimmed)) url.pathname = `${trimmed}${path}`;
  else url.pathname = `${trimmed}/v1${path}`;
  return url.toString();
}
