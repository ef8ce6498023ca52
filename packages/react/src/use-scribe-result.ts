'use client';
import { useEffect, useState } from 'react';
import type { ScribeError } from '@scribe/core';
import { useScribeContext } from './scribe-provider';
import type { ScribeReactClient } from './scribe-react-client';
import { toScribeResult, type ScribeResult } from './scribe-result';
import { asScribeError } from './scribe-state';

/** Options of `useScribeResult`. */
export interface UseScribeResultOptions {
  /** A client to use instead of the provider's. Default: the nearest `ScribeProvider`'s. */
  client?: ScribeReactClient;
}

/** What `useScribeResult` returns. */
export interface UseScribeResultReturn {
  /** `idle` without a session id, `loading` while polling, `success` once final, `error` when polling failed. */
  readonly status: 'idle' | 'loading' | 'success' | 'error';
  /** The latest body: progress while processing, then the final result (completed, partial, failed or expired). */
  readonly result: ScribeResult | undefined;
  /** Why polling failed. */
  readonly error: ScribeError | undefined;
}

interface Polled extends UseScribeResultReturn {
  /** The session the state belongs to, so a new id never shows the old session's result. */
  readonly sessionId: string | undefined;
}

const IDLE: UseScribeResultReturn = Object.freeze({ status: 'idle', result: undefined, error: undefined });
const LOADING: UseScribeResultReturn = Object.freeze({ status: 'loading', result: undefined, error: undefined });

/**
 * Follows a session started elsewhere (another tab, a server job) until its result is final, through the client's
 * `waitForResults`. Polling stops when the component unmounts or `sessionId` changes; `undefined` polls nothing.
 */
export function useScribeResult(sessionId: string | undefined, options: UseScribeResultOptions = {}): UseScribeResultReturn {
  const { client } = useScribeContext(options.client);
  const [polled, setPolled] = useState<Polled | undefined>(undefined);

  useEffect(() => {
    if (sessionId === undefined) return;
    const controller = new AbortController();
    const { signal } = controller;
    const update = (next: Omit<Polled, 'sessionId'>) => {
      if (!signal.aborted) setPolled({ ...next, sessionId });
    };
    // Started a microtask later: Strict Mode's immediate unmount then aborts before any request is made.
    queueMicrotask(() => {
      if (signal.aborted) return;
      client
        .waitForResults(sessionId, { signal, onUpdate: (result) => update({ status: 'loading', result: toScribeResult(result), error: undefined }) })
        .then(
          (result) => update({ status: 'success', result: toScribeResult(result), error: undefined }),
          (error: unknown) => update({ status: 'error', result: undefined, error: asScribeError(error) }),
        );
    });
    return () => controller.abort();
  }, [client, sessionId]);

  if (sessionId === undefined) return IDLE;
  return polled?.sessionId === sessionId ? polled : LOADING;
}
