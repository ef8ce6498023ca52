import { createContractValidator, type RecordedRequest } from '@scribe/server';
import type { SdkExchange } from './recording-fetch';

// Compiling the protocol schemas takes a moment: once per test file.
const validator = createContractValidator();

/**
 * Checks every request the SDK sent (as the server recorded it) and every answer the SDK received against the
 * protocol schemas (contract 2.9 exceptions applied). Answers the test itself faked through the server's fault knob
 * (`html`, or `status` with a custom body) are skipped: they are the test's words, not the protocol's.
 * Returns one line per violation.
 */
export function contractViolations(requests: readonly RecordedRequest[], exchanges: readonly SdkExchange[]): string[] {
  const violations: string[] = [];
  for (const request of requests) {
    const verdict = validator.validateRequest({ method: request.method, path: request.path, body: request.body });
    if (!verdict.valid) violations.push(`request ${request.method} ${request.path}: ${verdict.errors.join('; ')}`);
  }
  const byRequestId = new Map(requests.map((request) => [request.requestId, request]));
  for (const exchange of exchanges) {
    const recorded = exchange.requestId === undefined ? undefined : byRequestId.get(exchange.requestId);
    if (recorded?.fault === 'html' || recorded?.fault === 'status') continue;
    const body = parseBody(exchange);
    const verdict = validator.validateResponse({ method: exchange.method, path: exchange.url, status: exchange.status, body });
    if (!verdict.valid) violations.push(`response ${exchange.method} ${exchange.url} → ${exchange.status}: ${verdict.errors.join('; ')}`);
  }
  return violations;
}

function parseBody(exchange: SdkExchange): unknown {
  if (exchange.text === '') return undefined;
  if (!exchange.contentType.includes('json')) return exchange.text;
  try {
    return JSON.parse(exchange.text) as unknown;
  } catch {
    return exchange.text;
  }
}
