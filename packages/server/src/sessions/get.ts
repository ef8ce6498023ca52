import { principalOf, type Handler } from '../http/context.js';
import { json } from '../http/responses.js';
import { loadSession, type SessionDependencies } from './session-access.js';
import { renderSessionBody, templatesShapeFor } from './session-body.js';
import { httpStatusFor } from './status-codes.js';

/**
 * `GET {P}/sessions/{id}[?template_id=]` (contract 2.5, 3.3, 3.4). A `processing` session is held up to
 * `longPollSeconds` and answered as soon as it reaches a terminal state; other states answer at once.
 */
export function createGetSessionHandler(deps: SessionDependencies): Handler {
  return async (ctx) => {
    const principal = principalOf(ctx);
    const sessionId = ctx.params.sessionId as string;
    let record = await loadSession(deps, principal.businessId, sessionId);
    // Long-poll waits in real time: the injected clock drives timestamps and expiry, not socket holds.
    const deadline = performance.now() + deps.options.longPollSeconds * 1000;
    while (record.status === 'processing' && !ctx.signal.aborted) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      await deps.store.waitForChange(principal.businessId, sessionId, remaining, ctx.signal);
      record = deps.store.get(principal.businessId, sessionId) ?? record;
    }
    const filter = ctx.url.searchParams.get('template_id') ?? undefined;
    const shape = templatesShapeFor(principal, deps.options.templatesShape);
    return json(httpStatusFor(record.status), renderSessionBody(record, shape, filter));
  };
}
