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
export * from './stream';
