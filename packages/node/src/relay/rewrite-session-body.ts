import { replaceUpstreamId } from './replace-upstream-id';

/**
 * A session body (create, get, end, upload answers) as the browser sees it: the upstream id replaced by the handle
 * everywhere, and `upload_url` made safe. A stream's WebSocket URL (`ws://`, `wss://`) is the service's own
 * single-session capability and passes unchanged (the browser connects to the service directly); any other
 * `upload_url` is the relay's own `{relayUrl}/v1/sessions/{handle}/audio`, since chunks go through the relay.
 */
export function rewriteSessionBody(body: unknown, upstreamId: string, handle: string, relayUrl: string): unknown {
  const rewritten = replaceUpstreamId(body, upstreamId, handle, ['upload_url']);
  if (typeof rewritten !== 'object' || rewritten === null || Array.isArray(rewritten)) return rewritten;
  const record = rewritten as Record<string, unknown>;
  if (typeof record.upload_url === 'string' && !/^wss?:\/\//i.test(record.upload_url)) {
    record.upload_url = `${relayUrl}/v1/sessions/${handle}/audio`;
  }
  return record;
}
