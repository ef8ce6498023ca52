/**
 * @scribe/core/internal: every building block of the core, for the platform packages (@scribe/node, @scribe/server,
 * @scribe/browser). UNSTABLE: names here may change in any release; applications and adapters use `@scribe/core`.
 */
export * from './errors';
export type { ScribeConfig, Dialect, EnvironmentName, SessionMode, JwtPayload } from './config/scribe-config';
export { createSystemClock, type Clock } from './ports/clock';
export { silentLogger, type Logger } from './ports/logger';
export type { HttpMethod, Transport, TransportRequest, TransportResponse } from './transport/transport';
export * from './protocol';
export * from './config';
export * from './webhooks';
export * from './lifecycle';
export * from './retry';
export * from './auth';
export * from './transport';
export * from './discovery';
export * from './sessions';
export * from './uploads';
export * from './polling';
export * from './client';
export * from './audio';
// The stream's types only: its code (openStream, createStreamSession, streamPcm, the envelopes, the socket port) is the
// entry @scribe/core/stream, so that a chunks-only browser app never loads it (createScribeCore loads it on first use
// of openStream). A value re-exported here would put the whole stream chunk back in every app's first load.
export type { AudioSource, OpenStreamDependencies, OpenStreamOptions, PcmPieces, ResolvedStreamOptions, StreamBehaviourOptions, StreamCapabilities, StreamConnectionState, StreamFrameMode, StreamListener, StreamPace, StreamPcmContext, StreamPcmOptions, StreamPcmResult, StreamPhase, StreamReconnectOptions, StreamSession, StreamSessionOptions, StreamSnapshot, StreamStopOptions, StreamStopResult, WebSocketCloseEventLike, WebSocketFactory, WebSocketLike } from './stream';
