import { describe, expect, it } from 'vitest';
import { APIError, SessionNotFoundError } from '../errors';
import { createManualClock } from '../testing/manual-clock';
import { createScriptedTransport, hangUntilAborted, type ScriptedHandler } from '../testing/scripted-transport';
import { createTestConfig, createTestDiscoveryDocument } from '../testing/test-config';
import { createDiscoveryClient } from './discovery-client';

const msa = createTestConfig({ dialect: 'msa', discoveryUrl: 'https://scribe.example.com' });
const eka = createTestConfig({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice' });

function setup(config = msa, handler?: ScriptedHandler, lifetime?: AbortSignal) {
  const clock = createManualClock();
  const transport = createScriptedTransport(handler ?? (() => ({ data: createTestDiscoveryDocument('https://scribe.example.com'), headers: { 'Cache-Control': 'max-age=60' } })));
  return { clock, transport, discovery: createDiscoveryClient({ config, transport, clock, lifetime }) };
}

describe('createDiscoveryClient: msa', () => {
  it('[#3] fetches the document without credentials from the configured origin, takes API URLs from it', async () => {
    const { transport, discovery } = setup();
    const description = await discovery.get();
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]).toMatchObject({ method: 'GET', url: 'https://scribe.example.com/.well-known/medscribealliance', auth: false });
    expect(description).toMatchObject({ source: 'discovery', baseUrl: 'https://scribe.example.com/v1', templatesUrl: 'https://scribe.example.com/v1/templates', maxChunkDurationSeconds: 20 });
    expect(description.models).toEqual(['lite', 'pro']);
  });

  it('[#5] no refetch within max-age; refetch after it; concurrent callers share one fetch', async () => {
    const { clock, transport, discovery } = setup();
    await Promise.all([discovery.get(), discovery.get(), discovery.get()]);
    expect(transport.requests).toHaveLength(1);
    clock.spend(59_999);
    await discovery.get();
    expect(transport.requests).toHaveLength(1);
    clock.spend(1);
    await discovery.get();
    expect(transport.requests).toHaveLength(2);
  });

  it('[#5] 3600 s when the response has no Cache-Control max-age', async () => {
    const { clock, transport, discovery } = setup(msa, () => ({ data: createTestDiscoveryDocument() }));
    await discovery.get();
    clock.spend(3_599_000);
    await discovery.get();
    expect(transport.requests).toHaveLength(1);
    clock.spend(1000);
    await discovery.get();
    expect(transport.requests).toHaveLength(2);
  });

  it('[#5] invalidate() (after an API 401) makes the next get refetch', async () => {
    const { transport, discovery } = setup();
    await discovery.get();
    discovery.invalidate();
    expect(discovery.peek()).toBeUndefined();
    await discovery.get();
    expect(transport.requests).toHaveLength(2);
  });

  it('[#4] a protocol other than medscribealliance → typed error; not cached', async () => {
    const { transport, discovery } = setup(msa, () => ({ data: createTestDiscoveryDocument(undefined, { protocol: 'other' }) }));
    await expect(discovery.get()).rejects.toBeInstanceOf(APIError);
    await expect(discovery.get()).rejects.toMatchObject({ details: { protocol: 'other' } });
    expect(transport.requests).toHaveLength(2);
  });

  it('[#4] unknown fields, missing optional fields and other model ids are accepted', async () => {
    const doc = createTestDiscoveryDocument(undefined, { models: [{ id: 'standard' }], future_field: { x: 1 }, languages: undefined });
    delete (doc.capabilities as Record<string, unknown>).upload_methods;
    const { discovery } = setup(msa, () => ({ data: doc }));
    const description = await discovery.get();
    expect(description.models).toEqual(['standard']);
    expect(description.uploadMethods).toEqual(['chunked', 'single']);
  });

  it('[#10] negotiates the highest shared MAJOR.MINOR (0.1 = 0.1.0) as the MSA-Version value', async () => {
    const { discovery } = setup(msa, () => ({ data: createTestDiscoveryDocument(undefined, { supported_versions: ['0.1.0', '0.0'] }) }));
    expect(discovery.version()).toBeUndefined();
    expect((await discovery.get()).version).toBe('0.1');
    expect(discovery.version()).toBe('0.1');
  });

  it('[#10] no shared version → ValidationError unsupported_version', async () => {
    const { discovery } = setup(msa, () => ({ data: createTestDiscoveryDocument(undefined, { protocol_version: '2.0', supported_versions: ['1.0', '2.0'] }) }));
    await expect(discovery.get()).rejects.toMatchObject({ code: 'validation_error', serverCode: 'unsupported_version' });
  });

  it('msa discovery failures are thrown (discovery is mandatory)', async () => {
    const { discovery } = setup(msa, () => {
      throw new APIError('HTTP 500', { status: 500 });
    });
    await expect(discovery.get()).rejects.toMatchObject({ code: 'api_error', status: 500 });
  });

  it("one caller's abort does not fail the others; only the lifetime cancels the shared fetch", async () => {
    let calls = 0;
    const gate: { open?: () => void } = {};
    const { transport, discovery } = setup(msa, (request) => {
      calls += 1;
      return new Promise((resolve, reject) => {
        gate.open = () => resolve({ data: createTestDiscoveryDocument() });
        request.signal?.addEventListener('abort', () => reject(new Error('cancelled')));
      });
    });
    const a = new AbortController();
    const first = discovery.get({ signal: a.signal });
    const second = discovery.get();
    a.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    gate.open?.();
    await expect(second).resolves.toMatchObject({ source: 'discovery' });
    expect(calls).toBe(1);
    expect(transport.requests[0]?.signal?.aborted).toBe(false);

    const lifetime = new AbortController();
    const { transport: t2, discovery: d2 } = setup(msa, (request) => hangUntilAborted(request.signal), lifetime.signal);
    const only = new AbortController();
    const pending = d2.get({ signal: only.signal });
    only.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(t2.requests[0]?.signal?.aborted).toBe(false);
    lifetime.abort();
    expect(t2.requests[0]?.signal?.aborted).toBe(true);
  });

  it('a get straight after an aborted one joins the fetch still running and succeeds', async () => {
    const gate: { open?: () => void } = {};
    const { transport, discovery } = setup(msa, () => new Promise((resolve) => (gate.open = () => resolve({ data: createTestDiscoveryDocument() }))));
    const aborted = new AbortController();
    const first = discovery.get({ signal: aborted.signal });
    aborted.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    const next = discovery.get();
    gate.open?.();
    await expect(next).resolves.toMatchObject({ source: 'discovery' });
    expect(transport.requests).toHaveLength(1);
  });

  it("a caller's AbortSignal.timeout() stops it waiting with TimeoutError", async () => {
    const { discovery } = setup(msa, (request) => hangUntilAborted(request.signal));
    const deadline = new AbortController();
    const pending = discovery.get({ signal: deadline.signal });
    deadline.abort(new DOMException('deadline', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ code: 'timeout', name: 'TimeoutError' });
  });
});

describe('createDiscoveryClient: eka', () => {
  it('[#6] reads {base}/v1/.well-known/medscribealliance without credentials and uses it when valid', async () => {
    const { transport, discovery } = setup(eka, () => ({ data: createTestDiscoveryDocument('https://api.eka.care', { capabilities: { audio_formats: ['audio/wav'], max_chunk_duration_seconds: 15 } }) }));
    const description = await discovery.get();
    expect(transport.requests[0]).toMatchObject({ url: 'https://api.eka.care/voice/v1/.well-known/medscribealliance', auth: false, idempotent: false });
    expect(description).toMatchObject({ source: 'discovery', maxChunkDurationSeconds: 15, version: undefined });
  });

  it.each([
    ['404', () => new SessionNotFoundError('HTTP 404', { status: 404 })],
    ['5xx', () => new APIError('HTTP 503', { status: 503, retryable: true })],
    ['network', () => new APIError('could not reach host', { retryable: true })],
  ])('[#6] a %s failure never blocks: built-in defaults (lite/pro, ten languages, 20 s), cached', async (_name, makeError) => {
    const { clock, transport, discovery } = setup(eka, () => {
      throw makeError();
    });
    const description = await discovery.get();
    expect(description).toMatchObject({ source: 'defaults', models: ['lite', 'pro'], maxChunkDurationSeconds: 20 });
    expect(description.languages).toEqual(['en', 'hi', 'gu', 'kn', 'ml', 'ta', 'te', 'bn', 'mr', 'pa']);
    clock.spend(1000);
    await discovery.get();
    expect(transport.requests).toHaveLength(1);
  });

  it('[#6] a malformed or foreign document also falls back to defaults', async () => {
    const { discovery } = setup(eka, () => ({ data: '<html>not found</html>' }));
    await expect(discovery.get()).resolves.toMatchObject({ source: 'defaults' });
  });

  it('an abort is still an abort in eka, not a fallback', async () => {
    const { discovery } = setup(eka, (request) => hangUntilAborted(request.signal));
    const controller = new AbortController();
    const pending = discovery.get({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});
