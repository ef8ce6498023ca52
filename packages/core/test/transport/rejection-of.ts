import type { ScribeError } from '../../src/errors';

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ScribeError> {
  try {
    await promise;
  } catch (error) {
    return error as ScribeError;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
