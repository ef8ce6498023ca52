/** Text frames of the JSON envelope mode and the stop frame of both modes (contract 6.3). */

/** `start`, sent once right after each connection opens in JSON mode. */
export function startEnvelope(streamId: string): string {
  return JSON.stringify({ event: 'start', start: { streamId, mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } } });
}

/** `media` carrying one frame of PCM as base64. */
export function mediaEnvelope(pcm: Uint8Array): string {
  return JSON.stringify({ event: 'media', media: { payload: base64(pcm) } });
}

/** `stop`, with an optional reason such as `user_stopped`. */
export function stopEnvelope(reason?: string): string {
  return JSON.stringify(reason === undefined ? { event: 'stop' } : { event: 'stop', reason });
}

/** The `stream_id` of a stream URL: the path segment after `sessions` (contract 6.1); the session id when absent. */
export function streamIdOf(url: string, sessionId: string): string {
  try {
    const segments = new URL(url).pathname.split('/');
    const at = segments.lastIndexOf('sessions');
    const id = at >= 0 ? segments[at + 1] : undefined;
    return id ? decodeURIComponent(id) : sessionId;
  } catch {
    return sessionId;
  }
}

/** The URL with `ack=1` added to its query (the resume opt-in, contract 6.6); nothing else changes. */
export function withAckParameter(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('ack', '1');
  return parsed.toString();
}

// btoa takes a binary string; built in slices so a large frame never overflows the argument limit.
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
