import { ScribeError, type ScribeErrorCode } from '../src/errors';

/**
 * The ScribeError `fn` throws (with `code`, when given); fails the test when it returns, or throws anything else. The
 * synchronous counterpart of transport/rejection-of.ts.
 */
export function thrownScribeError(fn: () => unknown, code?: ScribeErrorCode): ScribeError {
  try {
    fn();
  } catch (error) {
    if (ScribeError.is(error) && (code === undefined || error.code === code)) return error;
    throw error;
  }
  throw new Error(`expected a ${code ?? 'ScribeError'} to be thrown`);
}
