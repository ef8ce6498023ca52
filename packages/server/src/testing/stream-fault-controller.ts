import type { StreamFaults } from './stream-faults.js';

/** The programmatic stream-fault API on `server.streams`. */
export interface StreamFaultController {
  /** Drops the next `times` connections (no close frame) when they are about to pass `afterBytes` of audio. Default once. */
  dropAfter(afterBytes: number, times?: number): void;
  /** Drops every open stream connection now; returns how many. */
  dropAll(): number;
  /** Ignores the next `times` stop frames, so the socket is never closed by the server. Default once. */
  ignoreStop(times?: number): void;
  /** Every new connection stops reading its socket for `ms` before catching up (a slow consumer); 0 turns it off. */
  stallReads(ms: number): void;
  /** The next `times` stream-log writes fail halfway (the socket closes 1011; nothing is lost or doubled). Default once. */
  failWrites(times?: number): void;
  /** Removes every stream fault. */
  clear(): void;
  /** Stream connections open now. */
  connectionCount(): number;
}

/** Wraps the stream faults, or refuses every call when test knobs are off. */
export function createStreamFaultController(faults: StreamFaults | undefined, hub: { dropAll(): number; readonly connectionCount: number }): StreamFaultController {
  const disabled = (): never => {
    throw new Error('server.streams is a test knob: start the server with testKnobs: true');
  };
  if (!faults) return { dropAfter: disabled, dropAll: disabled, ignoreStop: disabled, stallReads: disabled, failWrites: disabled, clear: disabled, connectionCount: disabled };
  return {
    dropAfter: (afterBytes, times) => faults.dropAfter(afterBytes, times),
    dropAll: () => hub.dropAll(),
    ignoreStop: (times) => faults.ignoreStop(times),
    stallReads: (ms) => faults.stallReads(ms),
    failWrites: (times) => faults.failWrites(times),
    clear: () => faults.clear(),
    connectionCount: () => hub.connectionCount,
  };
}
