import { afterEach, beforeEach, expect, vi } from 'vitest';

// React reports misuse (an uncached getSnapshot, an update outside act, a missing key) through console.error:
// any such report fails the test that caused it.
let spy: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  spy = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = spy.mock.calls.map((args: unknown[]) => args.map(String).join(' ').slice(0, 300));
  spy.mockRestore();
  expect(calls, 'console.error was called').toEqual([]);
});
