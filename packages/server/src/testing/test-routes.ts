import type { Handler } from '../http/context.js';
import { invalidRequest, json } from '../http/responses.js';
import type { RouteDefinition } from '../http/router.js';
import { expireSession, type SessionDependencies } from '../sessions/session-access.js';
import { validateFaultSpec, type FaultInjector } from './faults.js';
import type { RequestLog } from './request-log.js';

/** What the `/__test__` routes need. */
export interface TestRouteDependencies {
  faults: FaultInjector;
  requestLog: RequestLog;
  sessions: SessionDependencies;
}

/** Expires every open session with this id (in any business) at once; returns how many changed. */
export async function expireSessionsById(deps: SessionDependencies, sessionId: string): Promise<number> {
  let count = 0;
  for (const record of deps.store.all().filter((candidate) => candidate.sessionId === sessionId)) {
    const after = await expireSession(deps, record, true);
    if (after.status === 'expired' && record.status !== 'expired') count += 1;
  }
  return count;
}

const route = (method: string, path: string, body: 'none' | 'json', handler: Handler): RouteDefinition<Handler> => ({ method, path, protocol: false, auth: false, body, handler });

/** Test-only HTTP routes, mounted only with `testKnobs`: faults, the request log and forced expiry. */
export function buildTestRoutes(deps: TestRouteDependencies): RouteDefinition<Handler>[] {
  return [
    route('POST', '/__test__/faults', 'json', async (ctx) => {
      const specs = Array.isArray(ctx.body) ? ctx.body : [ctx.body];
      try {
        const ids = specs.map((spec) => deps.faults.add(validateFaultSpec(spec)));
        return json(201, { fault_ids: ids });
      } catch (error) {
        throw invalidRequest((error as Error).message);
      }
    }),
    route('GET', '/__test__/faults', 'none', async () => json(200, { faults: deps.faults.list().map((fault) => ({ ...fault, spec: { ...fault.spec, path: String(fault.spec.path) } })) })),
    route('DELETE', '/__test__/faults', 'none', async () => {
      deps.faults.clear();
      return { status: 204 };
    }),
    route('GET', '/__test__/requests', 'none', async () => json(200, { requests: deps.requestLog.all() })),
    route('DELETE', '/__test__/requests', 'none', async () => {
      deps.requestLog.clear();
      return { status: 204 };
    }),
    route('POST', '/__test__/sessions/:sessionId/expire', 'none', async (ctx) => {
      const expired = await expireSessionsById(deps.sessions, ctx.params.sessionId as string);
      return json(200, { session_id: ctx.params.sessionId, expired });
    }),
  ];
}
