import { HttpError } from './responses.js';

/** The `{P}` prefixes of contract 0.3: every protocol route exists under each. */
export const PROTOCOL_PREFIXES = ['/v1', '/voice/v1'] as const;

/** How the pipeline reads a route's request body. */
export type BodyKind = 'none' | 'json' | 'audio';

/** One route: a method, a path pattern with `:name` segments, and how to treat the request. */
export interface RouteDefinition<H> {
  method: string;
  /** Pattern such as `/sessions/:sessionId/end`; under `{P}` when `protocol` is true. */
  path: string;
  /** Mounted under both `/v1` and `/voice/v1` (true) or at the root exactly (false). */
  protocol: boolean;
  auth: boolean;
  body: BodyKind;
  handler: H;
  /**
   * Checks made after authentication and before the body is read (an upload's session must exist and be open), so
   * a body nobody will store is never read into memory.
   */
  beforeBody?: (params: Record<string, string>, businessId: string) => Promise<void>;
}

/** A successful match: the route, decoded path parameters and the `{P}` prefix used ('' for root routes). */
export interface RouteMatch<H> {
  route: RouteDefinition<H>;
  params: Record<string, string>;
  prefix: string;
}

interface CompiledRoute<H> {
  route: RouteDefinition<H>;
  prefix: string;
  segments: string[];
}

/** Matches method + path against a fixed table; unknown paths are 404, known paths with another method 405. */
export class Router<H> {
  private readonly compiled: CompiledRoute<H>[] = [];

  constructor(routes: readonly RouteDefinition<H>[]) {
    for (const route of routes) {
      const prefixes = route.protocol ? PROTOCOL_PREFIXES : [''];
      for (const prefix of prefixes) {
        this.compiled.push({ route, prefix, segments: splitPath(prefix + route.path) });
      }
    }
  }

  /** Finds the route for a request, throwing 404 `not_found` or 405 `method_not_allowed` envelopes. */
  match(method: string, pathname: string): RouteMatch<H> {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const segments = splitPath(pathname);
    const allowed = new Set<string>();
    for (const candidate of this.compiled) {
      const params = matchSegments(candidate.segments, segments);
      if (!params) continue;
      if (candidate.route.method === wanted) return { route: candidate.route, params, prefix: candidate.prefix };
      allowed.add(candidate.route.method);
    }
    if (allowed.size > 0) {
      const allow = [...allowed].sort().join(', ');
      throw new HttpError(405, 'method_not_allowed', `Method ${method} is not allowed on ${pathname}.`, { allowed_methods: [...allowed].sort() }, { Allow: allow });
    }
    throw new HttpError(404, 'not_found', `No route for ${method} ${pathname}.`);
  }
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] as string;
    const given = actual[i] as string;
    if (expected.startsWith(':')) {
      if (given === '') return undefined;
      params[expected.slice(1)] = decodeSegment(given);
    } else if (expected !== given) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'invalid_request', 'Malformed percent-encoding in the path.');
  }
}
