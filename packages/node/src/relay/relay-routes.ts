/** The operations the relay serves: the eka-dialect subset a browser client needs, and nothing else. */
export type RelayRouteName = 'discovery' | 'templates' | 'create' | 'session' | 'audio' | 'end';

/** A request path resolved against the relay's routes. */
export interface RelayRoute {
  /** Which operation. */
  name: RelayRouteName;
  /** The mount path in front of `/v1/...` (`/api/scribe`; empty at the root). */
  mount: string;
  /** The session handle (session, audio and end routes). */
  handle?: string;
  /** The decoded file name (audio route). */
  fileName?: string;
}

/** Methods each route answers; anything else is 405 `method_not_allowed`. */
export const ROUTE_METHODS: Readonly<Record<RelayRouteName, readonly string[]>> = {
  discovery: ['GET'],
  templates: ['GET'],
  create: ['POST'],
  session: ['GET'],
  audio: ['POST'],
  end: ['POST'],
};

/**
 * Finds the route of `pathname`. With `basePath` the path must start with it; without, the mount is whatever precedes
 * the first `/v1/` that leaves a known route (so pass `basePath` when the mount itself contains `/v1/`).
 */
export function matchRelayRoute(pathname: string, basePath: string | undefined): RelayRoute | undefined {
  if (basePath !== undefined) {
    if (!pathname.startsWith(`${basePath}/`)) return undefined;
    return matchTail(pathname.slice(basePath.length), basePath);
  }
  for (let at = pathname.indexOf('/v1/'); at >= 0; at = pathname.indexOf('/v1/', at + 1)) {
    const route = matchTail(pathname.slice(at), pathname.slice(0, at));
    if (route) return route;
  }
  return undefined;
}

function matchTail(tail: string, mount: string): RelayRoute | undefined {
  const segments = tail.split('/').slice(1).map(decodeSegment);
  if (segments.some((segment) => segment === undefined || segment === '')) return undefined;
  const [v1, first, handle, action, fileName, ...rest] = segments as string[];
  if (v1 !== 'v1' || rest.length > 0) return undefined;
  if (first === '.well-known' && handle === 'medscribealliance' && action === undefined) return { name: 'discovery', mount };
  if (first === 'templates' && handle === undefined) return { name: 'templates', mount };
  if (first !== 'sessions') return undefined;
  if (handle === undefined) return { name: 'create', mount };
  if (action === undefined) return { name: 'session', mount, handle };
  if (action === 'end' && fileName === undefined) return { name: 'end', mount, handle };
  if (action === 'audio' && fileName !== undefined) return { name: 'audio', mount, handle, fileName };
  return undefined;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
