import type { ActiveFault, FaultInjector, FaultSpec } from './faults.js';

/** The programmatic fault API on `server.faults`. */
export interface FaultController {
  /** Adds a fault for upcoming matching requests; returns its id. */
  add(spec: FaultSpec): string;
  /** Removes every fault. */
  clear(): void;
  /** Faults not yet used up. */
  list(): ActiveFault[];
}

/** Wraps the injector, or refuses every call when test knobs are off (so a misconfigured test fails loudly). */
export function createFaultController(injector: FaultInjector | undefined): FaultController {
  const disabled = (): never => {
    throw new Error('server.faults is a test knob: start the server with testKnobs: true');
  };
  if (!injector) return { add: disabled, clear: disabled, list: disabled };
  return { add: (spec) => injector.add(spec), clear: () => injector.clear(), list: () => injector.list() };
}
