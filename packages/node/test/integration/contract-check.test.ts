import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '@scribe/server';
import { contractViolations } from '../support/contract-check';
import type { SdkExchange } from '../support/recording-fetch';

// The per-test contract check must be able to fail, or the zero-violation assertions prove nothing.
describe('[#59] the contract check used after every integration test', () => {
  const recorded = (fields: Partial<RecordedRequest>): RecordedRequest => ({
    requestId: 'req_1',
    method: 'POST',
    path: '/v1/sessions',
    query: {},
    headers: {},
    bodyBytes: 0,
    status: 201,
    timestamp: new Date().toISOString(),
    durationMs: 1,
    ...fields,
  });
  const exchange = (fields: Partial<SdkExchange>): SdkExchange => ({
    method: 'POST',
    url: 'http://127.0.0.1:1/v1/sessions',
    status: 201,
    requestId: 'req_2',
    contentType: 'application/json',
    requestBody: undefined,
    text: '{}',
    ...fields,
  });

  it('flags a create request whose templates is not a list', () => {
    const violations = contractViolations([recorded({ body: { templates: 'soap' } })], []);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^request POST \/v1\/sessions/);
  });

  it('flags a create answer without session_id, and an error answer that is not the envelope', () => {
    const violations = contractViolations([], [
      exchange({ text: JSON.stringify({ status: 'created' }) }),
      exchange({ status: 400, text: '<html>bad</html>', contentType: 'text/html' }),
    ]);
    expect(violations).toHaveLength(2);
  });

  it('skips answers the test faked through the fault knob', () => {
    const violations = contractViolations([recorded({ requestId: 'req_2', fault: 'html', body: { templates: ['soap'], upload_type: 'chunked', communication_protocol: 'http' } })], [
      exchange({ status: 500, text: '<html>injected</html>', contentType: 'text/html' }),
    ]);
    expect(violations).toEqual([]);
  });
});
