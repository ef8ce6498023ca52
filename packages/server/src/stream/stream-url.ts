/** Matches a stream URL's path under any prefix (`/v1`, `/voice/v1`, a public URL's path) and captures the stream id. */
const STREAM_PATH = /\/v1\/stream\/sessions\/([A-Za-z0-9_-]{1,128})\/audio\/?$/;

/** The `upload_url` of a stream session (contract 6.2): `ws://` for an `http://` origin, `wss://` for `https://`. */
export function streamUrl(origin: string, prefix: string, streamId: string): string {
  return `${origin.replace(/^http/i, 'ws')}${prefix}/stream/sessions/${streamId}/audio`;
}

/** The stream id and the resume opt-in of an upgrade request's target, or undefined when it is not a stream path. */
export function parseStreamTarget(target: string | undefined): { streamId: string; ackMode: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(target ?? '/', 'http://stream.invalid');
  } catch {
    return undefined;
  }
  const match = STREAM_PATH.exec(url.pathname);
  if (!match) return undefined;
  return { streamId: match[1]!, ackMode: url.searchParams.get('ack') === '1' };
}
