/**
 * The host a redirect's `Location` points to (resolved against the request's URL), for messages about a refused
 * redirect: the host alone, since the path or query may carry a token; a phrase instead when the header is missing or
 * not a URL.
 */
export function redirectHost(location: string | null | undefined, requestUrl: string): string {
  if (!location) return 'an unnamed location';
  try {
    return new URL(location, requestUrl).host;
  } catch {
    return 'an unparseable location';
  }
}
