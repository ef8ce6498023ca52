import { describe, expect, it } from 'vitest';
import type { ScribeConfig } from '../config/scribe-config';
import { createDiscoveryClient } from '../discovery/discovery-client';
import { APIError, SessionExpiredError, SessionNotFoundError, TimeoutError } from '../errors';
import type { SessionResult } from '../protocol';
import { createSessionsApi } from '../sessions/sessions-api';
import { createManualClock, type ManualClock } from '../testing/manual-clock';
import { createScriptedTransport, hangUntilAborted, type ScriptedReply } from '../testing/scripted-transport';
import { createTestConfig, createTestDiscoveryDocument } from '../testing/test-config';
import type { TransportRequest } from '../transport/transport';
import { msaPollIntervalSeconds } from './poll-interval';
import { createResultPoller } from './result-poller';

const ORIGIN = 'https://scribe.example.com';
const eka = createTestConfig({ dialect: 'eka' });
const msa = createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN });

type Step = string | ((request: TransportRequest) => ScriptedReply | Promise<ScriptedReply>);
const body = (status: string) => ({ status: status === 'expired' ? 410 : 202, data: { session_id: 's1', status, transcript: '' } });

/**
 * A poller over the real sessions API and a scripted transport. Each GET takes `requestMs` of simulated time and
 * answers the next step (a status, or a handler); the last step repeats. Sleeps advance the manual clock by themselves.
 */
function setup(steps: Step[], options: { config?: ScribeConfig; requestMs?: number; clock?: ManualClock } = {}) {
  const config = options.config ?? eka;
  const clock = options.clock ?? createManualClock({ autoAdvance: true });
  const getStarts: number[] = [];
  let index = 0;
  const transport = createScriptedTransport(async (request) => {
    if (request.url.endsWith('/.well-known/medscribealliance')) return { data: createTestDiscoveryDocument(ORIGIN) };
    getStarts.push(clock.now());
    clock.spend(options.requestMs ?? 0);
    const step = steps[Math.min(index++, steps.length - 1)]!;
    return typeof step === 'string' ? body(step) : step(request);
  });
  const discovery = createDiscoveryClient({ config, transport, clock });
  const sessions = createSessionsApi({ config, transport, discovery });
  const poller = createResultPoller({ config, clock, getSession: (id, o) => sessions.get(id, o) });
  return { poller, clock, transport, getStarts };
}

describe('waitForResults', () => {
  it.each(['completed', 'partial', 'failed'])('[#64] returns on %s (a failed session is returned, not thrown)', async (final) => {
    const { poller, getStarts } = setup(['created', 'recording', 'initialized', 'queued_somewhere', 'processing', final]);
    const result = await poller.waitForResults('s1');
    expect(result.status).toBe(final);
    expect(getStarts).toHaveLength(6);
  });

  it('[#64] expired body → SessionExpiredError', async () => {
    const { poller } = setup(['processing', 'expired']);
    await expect(poller.waitForResults('s1')).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('[#64] HTTP 410 → SessionExpiredError even if the body says otherwise', async () => {
    const { poller } = setup([() => ({ status: 410, data: { session_id: 's1', status: 'processing' } })]);
    await expect(poller.waitForResults('s1')).rejects.toMatchObject({ code: 'session_expired', status: 410 });
  });

  it('[#65] interval is a maximum rate: sleeps max(0, interval − request time)', async () => {
    const { poller, clock, getStarts } = setup(['processing', 'processing', 'processing', 'completed'], { requestMs: 300 });
    await poller.waitForResults('s1', { interval: 1 });
    expect(clock.sleeps).toEqual([700, 700, 700]);
    expect(getStarts).toEqual([0, 1000, 2000, 3000]);
  });

  it('[#65] a request slower than the interval is followed at once by the next poll', async () => {
    const { poller, clock, getStarts } = setup(['processing', 'processing', 'completed'], { requestMs: 1500 });
    await poller.waitForResults('s1', { interval: 1 });
    expect(clock.sleeps).toEqual([]);
    expect(getStarts).toEqual([0, 1500, 3000]);
  });

  it('[#65] interval 0 means back-to-back polls, no sleep at all', async () => {
    const { poller, clock, getStarts } = setup(['processing', 'processing', 'processing', 'completed'], { requestMs: 10 });
    await poller.waitForResults('s1', { interval: 0 });
    expect(clock.sleeps).toEqual([]);
    expect(getStarts).toEqual([0, 10, 20, 30]);
  });

  it('[#65] undefined falls back to config: 1 s interval, 600 s timeout by default', async () => {
    const { poller, clock, getStarts } = setup(['processing'], { requestMs: 0 });
    const error = await poller.waitForResults('s1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(new Set(clock.sleeps)).toEqual(new Set([1000]));
    // Polls at 0 … 599 s; at 600 s the wait is over (a poll then would be cancelled by the deadline at once).
    expect(getStarts).toHaveLength(600);
    expect(getStarts.at(-1)).toBe(599_000);
    expect(clock.now()).toBe(600_000);
  });

  it('[#65] configured interval and timeout are used when the call gives none', async () => {
    const config = createTestConfig({ pollInterval: 2.5, pollIntervalExplicit: true, pollTimeout: 10 });
    const { poller, getStarts } = setup(['processing'], { config });
    await expect(poller.waitForResults('s1')).rejects.toBeInstanceOf(TimeoutError);
    expect(getStarts).toEqual([0, 2500, 5000, 7500]);
  });

  it('[#66] timeout → TimeoutError naming the last status; never sleeps past the deadline', async () => {
    const clock = createManualClock({ autoAdvance: true });
    const { poller, getStarts } = setup(['recording', 'processing'], { requestMs: 100, clock });
    const error = await poller.waitForResults('s1', { interval: 2, timeout: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', details: { last_status: 'processing', session_id: 's1' } });
    expect((error as Error).message).toContain('last status: processing');
    expect(getStarts).toEqual([0, 2000, 4000]);
    expect(clock.now()).toBe(5000);
  });

  it('[#66] onUpdate is called once per GET with the result and awaited before the next poll', async () => {
    const clock = createManualClock({ autoAdvance: true });
    const { poller, getStarts } = setup(['created', 'processing', 'completed'], { clock });
    const seen: string[] = [];
    await poller.waitForResults('s1', {
      interval: 1,
      onUpdate: async (result: SessionResult) => {
        seen.push(`${result.status}@${clock.now()}`);
        await clock.sleep(3000); // slow consumer: the next GET must wait for it
      },
    });
    expect(seen).toEqual(['created@0', 'processing@3000', 'completed@6000']);
    expect(getStarts).toEqual([0, 3000, 6000]);
  });

  it('[#66] AbortSignal cancels the GET in flight', async () => {
    const controller = new AbortController();
    const { poller, transport } = setup([(request) => hangUntilAborted(request.signal)]);
    const waiting = poller.waitForResults('s1', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(transport.requests[0]?.signal?.aborted).toBe(true);
  });

  it('[#66] AbortSignal cancels the sleep between polls, leaving no timer behind', async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const { poller, getStarts } = setup(['processing'], { clock });
    const waiting = poller.waitForResults('s1', { interval: 5, signal: controller.signal });
    await clock.advance(0);
    expect(clock.pendingSleeps).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(clock.pendingSleeps).toBe(0);
    expect(getStarts).toEqual([0]);
  });

  it("a caller's deadline signal (AbortSignal.timeout) is a TimeoutError, in the GET and in the sleep between polls", async () => {
    const inFlight = new AbortController();
    const { poller } = setup([(request) => hangUntilAborted(request.signal)]);
    const waiting = poller.waitForResults('s1', { signal: inFlight.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    inFlight.abort(new DOMException('deadline', 'TimeoutError'));
    await expect(waiting).rejects.toMatchObject({ code: 'timeout', name: 'TimeoutError' });

    const clock = createManualClock();
    const sleeping = new AbortController();
    const second = setup(['processing'], { clock });
    const polling = second.poller.waitForResults('s1', { interval: 5, signal: sleeping.signal });
    await clock.advance(0);
    sleeping.abort(new DOMException('deadline', 'TimeoutError'));
    await expect(polling).rejects.toMatchObject({ code: 'timeout', name: 'TimeoutError' });
    expect(clock.pendingSleeps).toBe(0);
  });

  it('[#67] msa without an explicit interval: 2 s for the first 30 s, 5 s until 60 s, then 10 s', async () => {
    const { poller, getStarts } = setup(['processing'], { config: msa });
    await expect(poller.waitForResults('s1', { timeout: 90 })).rejects.toBeInstanceOf(TimeoutError);
    const gaps = getStarts.slice(1).map((t, i) => t - getStarts[i]!);
    expect(getStarts.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => i * 2000));
    expect(gaps.filter((g) => g === 2000)).toHaveLength(15);
    expect(getStarts).toContain(60_000);
    expect(getStarts.slice(-3)).toEqual([60_000, 70_000, 80_000]);
    expect(msaPollIntervalSeconds(29.9)).toBe(2);
    expect(msaPollIntervalSeconds(30)).toBe(5);
    expect(msaPollIntervalSeconds(60)).toBe(10);
  });

  it('[#67] msa with an explicitly configured or per-call interval uses it instead of the schedule', async () => {
    const explicit = createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN, pollInterval: 1, pollIntervalExplicit: true });
    const a = setup(['processing'], { config: explicit });
    await expect(a.poller.waitForResults('s1', { timeout: 3 })).rejects.toBeInstanceOf(TimeoutError);
    expect(a.getStarts).toEqual([0, 1000, 2000]);
    const b = setup(['processing'], { config: msa });
    await expect(b.poller.waitForResults('s1', { timeout: 3, interval: 0.5 })).rejects.toBeInstanceOf(TimeoutError);
    expect(b.getStarts).toHaveLength(6);
  });

  it('passes templateId as ?template_id=', async () => {
    const { poller, transport } = setup(['completed']);
    await poller.waitForResults('s1', { templateId: 'soap' });
    expect(transport.requests[0]?.query).toEqual({ template_id: 'soap' });
  });

  it('a 5xx or network failure the transport gave up on does not end the wait (at least 1 s between failed polls)', async () => {
    const unavailable = () => {
      throw new APIError('HTTP 503 after 3 retries', { status: 503, retryable: true });
    };
    const { poller, getStarts } = setup(['processing', unavailable, unavailable, 'completed'], { requestMs: 0 });
    await expect(poller.waitForResults('s1', { interval: 0 })).resolves.toMatchObject({ status: 'completed' });
    expect(getStarts).toEqual([0, 0, 1000, 2000]);
  });

  it('a timeout while the service keeps failing names the last known status and carries the failure', async () => {
    const { poller } = setup(['processing', () => { throw new APIError('network down', { retryable: true }); }]);
    const error = await poller.waitForResults('s1', { timeout: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', details: { last_status: 'processing' } });
    expect((error as Error).message).toContain('network down');
  });

  it('a non-transient error (404, auth, validation) is thrown at once', async () => {
    const { poller, getStarts } = setup([() => { throw new SessionNotFoundError('unknown session', { status: 404 }); }]);
    await expect(poller.waitForResults('s1')).rejects.toBeInstanceOf(SessionNotFoundError);
    expect(getStarts).toHaveLength(1);
  });

  it('refuses a negative interval or timeout', async () => {
    const { poller } = setup(['completed']);
    await expect(poller.waitForResults('s1', { interval: -1 })).rejects.toMatchObject({ code: 'validation_error' });
    await expect(poller.waitForResults('s1', { timeout: Number.NaN })).rejects.toMatchObject({ code: 'validation_error' });
  });
});
