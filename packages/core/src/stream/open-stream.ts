import type { DiscoveryClient } from '../discovery/discovery-client';
import type { Clock } from '../ports/clock';
import type { CreateSessionOptions } from '../sessions/create-session-body';
import type { SessionsApi } from '../sessions/sessions-api';
import { APIError } from '../errors';
import { createStreamSession } from './create-stream-session';
import type { StreamSession } from './stream-session';
import { streamCapabilities } from './stream-capabilities';
import type { StreamBehaviourOptions } from './stream-options';

/** Options of `openStream`: the session to create, and how to stream into it. */
export interface OpenStreamOptions extends Omit<CreateSessionOptions, 'uploadType' | 'communicationProtocol'>, StreamBehaviourOptions {
  /** Use the resume extension. Default: when discovery advertises `extensions.stream.resume: true`. */
  resume?: boolean;
  /** Wait for the first connection to be ready before resolving (it starts connecting either way). Default true. */
  waitForOpen?: boolean;
}

/** What `openStream` needs from its client. */
export interface OpenStreamDependencies {
  sessions: SessionsApi;
  discovery: DiscoveryClient;
  clock: Clock;
  random?: () => number;
  /** Aborted when the client closes: the stream then fails with AbortError, without ending the session. */
  lifetime: AbortSignal;
}

/**
 * Creates a session with `upload_type: "stream"` (contract 6.1), reads the stream capabilities from discovery (an
 * `eka` service without discovery gets the defaults: no resume), and opens the stream to the returned URL. `stop`
 * (or disposal) ends the session with `audio_files_sent: 0`.
 */
export async function openStream(deps: OpenStreamDependencies, options: OpenStreamOptions = {}): Promise<StreamSession> {
  const { frameMode, createWebSocket, highWaterMarkBytes, maxUnacknowledgedBytes, finalizeTimeoutMs, ackTimeoutMs, reconnect, logger, resume, waitForOpen, ...create } = options;
  const session = await deps.sessions.create({ ...create, uploadType: 'stream', communicationProtocol: 'websocket' });
  if (!session.uploadUrl) throw new APIError(`The service created stream session ${session.sessionId} without an upload_url to stream to.`);
  const capabilities = streamCapabilities(await deps.discovery.get({ signal: options.signal }));
  const stream = createStreamSession({
    sessionId: session.sessionId,
    url: session.uploadUrl,
    resume: resume ?? capabilities.resume,
    maxFrameBytes: capabilities.maxFrameBytes,
    frameMode,
    createWebSocket,
    highWaterMarkBytes,
    maxUnacknowledgedBytes,
    finalizeTimeoutMs,
    ackTimeoutMs,
    reconnect,
    logger,
    clock: deps.clock,
    random: deps.random,
    signal: deps.lifetime,
    endSession: (endOptions) => deps.sessions.end(session.sessionId, { audioFilesSent: 0, streamBytesSent: endOptions.streamBytesSent, signal: endOptions.signal }),
  });
  // `open` means connect: without waiting, the socket still opens now, as documented.
  stream.connect();
  if (waitForOpen !== false) await stream.opened();
  return stream;
}
