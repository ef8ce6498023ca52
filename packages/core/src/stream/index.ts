/**
 * Live audio over a WebSocket (contract section 6): the stream session, its port and its pieces.
 * @module @scribe/core/stream
 */
export { defaultWebSocketFactory, WEB_SOCKET_OPEN, type WebSocketCloseEventLike, type WebSocketFactory, type WebSocketLike } from './web-socket-like';
export { DEFAULT_STREAM_CAPABILITIES, streamCapabilities, type StreamCapabilities } from './stream-capabilities';
export { REDIRECT_REFUSED_CLOSE_CODE, isFatalCloseCode, streamCloseError } from './stream-close-error';
export { mediaEnvelope, startEnvelope, stopEnvelope, streamIdOf, withAckParameter } from './stream-envelope';
export { AudioBacklog } from './audio-backlog';
export { ChangeSignal } from './change-signal';
export type { StreamConnectionState, StreamListener, StreamPhase, StreamSnapshot } from './stream-state';
export {
  resolveStreamOptions,
  type ResolvedStreamOptions,
  type StreamBehaviourOptions,
  type StreamFrameMode,
  type StreamReconnectOptions,
  type StreamSessionOptions,
} from './stream-options';
export { createStreamSession } from './create-stream-session';
export type { StreamSession, StreamStopOptions, StreamStopResult } from './stream-session';
export { openStream, type OpenStreamDependencies, type OpenStreamOptions } from './open-stream';
export type { AudioSource } from './audio-source';
export { streamPcm, type PcmPieces, type StreamPace, type StreamPcmContext, type StreamPcmOptions, type StreamPcmResult } from './stream-pcm';
export { StreamIncompleteError, type StreamDelivery } from './stream-incomplete-error';
