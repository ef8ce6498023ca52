import { randomAlphanumeric } from '../ids.js';

/** What a fault does to a matching request. */
export type FaultAction =
  /** Answer with this status (and a JSON envelope unless `body` is given) without handling the request. */
  | { kind: 'status'; status: number; body?: unknown; retryAfterSeconds?: number; headers?: Record<string, string> }
  /** Answer with an HTML page and this status (for non-JSON error handling). */
  | { kind: 'html'; status: number; html?: string }
  /** Destroy the socket: `before` handling (nothing happens), or `after` the request was handled and stored. */
  | { kind: 'drop'; when: 'before' | 'after' }
  /** Wait `ms` before handling (default) or after handling, before the answer is written. */
  | { kind: 'delay'; ms: number; when?: 'before' | 'after' };

/** A fault on upcoming requests: method (any when omitted) and a pathname regular expression, `times` times. */
export type FaultSpec = FaultAction & {
  method?: string;
  /** Tested against the request's pathname (no query string). A string is compiled with `new RegExp`. */
  path: string | RegExp;
  /** How many matching requests it affects. Default 1. */
  times?: number;
};

/** A fault waiting for requests, as listed by `faults.list()`. */
export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: number;
}

/** Test-only fault injection for client integration tests (enabled by `testKnobs`). */
export class FaultInjector {
  private faults: (ActiveFault & { pattern: RegExp })[] = [];

  /** Adds a fault and returns its id; the earliest added matching fault applies first. */
  add(spec: FaultSpec): string {
    const checked = validateFaultSpec(spec);
    const id = `fault_${randomAlphanumeric(12)}`;
    const pattern = typeof checked.path === 'string' ? new RegExp(checked.path) : checked.path;
    this.faults.push({ id, spec: checked, remaining: checked.times ?? 1, pattern });
    return id;
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Faults still waiting for requests. */
  list(): ActiveFault[] {
    return this.faults.map(({ id, spec, remaining }) => ({ id, spec, remaining }));
  }

  /** Consumes one use of the first fault matching the request. Preflights match only faults naming `OPTIONS`. */
  take(method: string, pathname: string): FaultAction | undefined {
    const upper = method.toUpperCase();
    const fault = this.faults.find((candidate) => {
      const wanted = candidate.spec.method?.toUpperCase();
      if (wanted === undefined ? upper === 'OPTIONS' : wanted !== upper) return false;
      candidate.pattern.lastIndex = 0;
      return candidate.pattern.test(pathname);
    });
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault.spec;
  }
}

/** Checks a fault spec (also the JSON posted to `/__test__/faults`), throwing a TypeError that explains the problem. */
export function validateFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null) throw new TypeError('a fault must be an object');
  const spec = value as Record<string, unknown>;
  if (typeof spec.path !== 'string' && !(spec.path instanceof RegExp)) throw new TypeError('path must be a regular expression or its source string');
  if (typeof spec.path === 'string') {
    try {
      new RegExp(spec.path);
    } catch {
      throw new TypeError(`path ${JSON.stringify(spec.path)} is not a valid regular expression`);
    }
  }
  if (spec.method !== undefined && typeof spec.method !== 'string') throw new TypeError('method must be a string');
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && (spec.times as number) >= 1)) throw new TypeError('times must be an integer ≥ 1');
  switch (spec.kind) {
    case 'status':
    case 'html':
      if (!(Number.isInteger(spec.status) && (spec.status as number) >= 100 && (spec.status as number) <= 599)) throw new TypeError('status must be an HTTP status code');
      if (spec.retryAfterSeconds !== undefined && !(typeof spec.retryAfterSeconds === 'number' && spec.retryAfterSeconds >= 0)) {
        throw new TypeError('retryAfterSeconds must be a number ≥ 0');
      }
      break;
    case 'drop':
      if (spec.when !== 'before' && spec.when !== 'after') throw new TypeError('drop needs when: "before" or "after"');
      break;
    case 'delay':
      if (!(typeof spec.ms === 'number' && spec.ms >= 0)) throw new TypeError('delay needs ms ≥ 0');
      if (spec.when !== undefined && spec.when !== 'before' && spec.when !== 'after') throw new TypeError('when must be "before" or "after"');
      break;
    default:
      throw new TypeError('kind must be "status", "html", "drop" or "delay"');
  }
  return spec as unknown as FaultSpec;
}

const STATUS_CODES: Record<number, string> = {
  429: 'rate_limit_exceeded',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** The default envelope code of an injected status. */
export function injectedErrorCode(status: number): string {
  return STATUS_CODES[status] ?? 'injected_fault';
}
