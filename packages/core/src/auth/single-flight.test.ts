import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createSingleFlight', () => {
  it('[#16] shares one running task among concurrent callers', async () => {
    const flight = createSingleFlight<string>();
    const gate = deferred<string>();
    let starts = 0;
    const task = () => ((starts += 1), gate.promise);
    const callers = Array.from({ length: 10 }, () => flight.run(task));
    expect(flight.running).toBe(true);
    gate.resolve('token');
    expect(await Promise.all(callers)).toEqual(Array(10).fill('token'));
    expect(starts).toBe(1);
    expect(flight.running).toBe(false);
  });

  it('shares a failure, then starts afresh', async () => {
    const flight = createSingleFlight<string>();
    const failing = Promise.reject(new Error('login failed'));
    failing.catch(() => undefined);
    await expect(Promise.all([flight.run(() => failing), flight.run(() => failing)])).rejects.toThrow('login failed');
    await expect(flight.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('an aborting caller stops waiting while the others keep the task alive', async () => {
    const flight = createSingleFlight<string>();
    const gate = deferred<string>();
    let taskSignal!: AbortSignal;
    const controller = new AbortController();
    const first = flight.run((signal) => ((taskSignal = signal), gate.promise), controller.signal);
    const second = flight.run(() => gate.promise);
    controller.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    expect(taskSignal.aborted).toBe(false);
    gate.resolve('token');
    await expect(second).resolves.toBe('token');
  });

  it('the task is aborted once every caller has stopped waiting', async () => {
    const flight = createSingleFlight<string>();
    let taskSignal!: AbortSignal;
    const controller = new AbortController();
    const only = flight.run((signal) => ((taskSignal = signal), new Promise<string>(() => undefined)), controller.signal);
    controller.abort();
    await expect(only).rejects.toMatchObject({ code: 'aborted' });
    expect(taskSignal.aborted).toBe(true);
    expect(flight.running).toBe(false);
    await expect(flight.run(async () => 'next')).resolves.toBe('next');
    await expect(flight.run(async () => 'x', AbortSignal.abort())).rejects.toMatchObject({ code: 'aborted' });
  });
});
