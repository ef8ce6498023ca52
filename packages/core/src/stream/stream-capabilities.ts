import type { ServiceDescription } from '../discovery/service-description';
import { isWireObject } from '../protocol/parse-wire';

/** What the service says about streaming in discovery `extensions.stream` (contract 2.2, 6.6). */
export interface StreamCapabilities {
  /** The resume extension (`resume: true`): acks, and resending from the acknowledged byte after a reconnect. */
  resume: boolean;
  /** Largest frame the server takes. Default 1 MiB. */
  maxFrameBytes: number;
  /** How much faster than real time audio may be sent. Default 8. */
  maxSpeed: number;
}

/** Defaults when discovery says nothing (the production service: no resume). */
export const DEFAULT_STREAM_CAPABILITIES: StreamCapabilities = Object.freeze({ resume: false, maxFrameBytes: 1024 * 1024, maxSpeed: 8 });

/** Reads `extensions.stream` leniently: a missing or malformed field keeps its default. */
export function streamCapabilities(description: ServiceDescription | undefined): StreamCapabilities {
  const extensions = description?.discoveryDocument?.extensions;
  const stream = isWireObject(extensions) ? extensions.stream : undefined;
  if (!isWireObject(stream)) return DEFAULT_STREAM_CAPABILITIES;
  const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);
  return {
    resume: stream.resume === true,
    maxFrameBytes: Math.floor(positive(stream.max_frame_bytes, DEFAULT_STREAM_CAPABILITIES.maxFrameBytes)),
    maxSpeed: positive(stream.max_speed, DEFAULT_STREAM_CAPABILITIES.maxSpeed),
  };
}
