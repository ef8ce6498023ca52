import { render, type RenderResult } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { ScribeProvider, useScribe, type ScribeReactClient, type UseScribeOptions, type UseScribeReturn } from '../../src';

/** What `renderScribe` gives a test. */
export interface ScribeView extends RenderResult {
  /** Every value the hook returned, in render order. */
  readonly renders: UseScribeReturn[];
  /** What the latest render returned. */
  readonly current: UseScribeReturn;
  /** Statuses in render order, repeats collapsed. */
  statuses(): string[];
}

/** Renders a component using `useScribe` under <StrictMode> and records what every render saw. */
export function renderScribe(client: ScribeReactClient, options: UseScribeOptions & { autoStart?: boolean; strict?: boolean } = {}): ScribeView {
  const renders: UseScribeReturn[] = [];
  const { autoStart, strict = true, ...hookOptions } = options;
  function Recorder() {
    const scribe = useScribe(hookOptions);
    renders.push(scribe);
    const { start } = scribe;
    useEffect(() => {
      if (autoStart) void start();
    }, [start]);
    return <p data-testid="status">{scribe.status}</p>;
  }
  const app = (
    <ScribeProvider client={client} templates={['eka_emr_template']} language="en">
      <Recorder />
    </ScribeProvider>
  );
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return {
    ...view,
    renders,
    /** What the latest render returned. */
    get current(): UseScribeReturn {
      return renders.at(-1)!;
    },
    /** Statuses in render order, repeats collapsed. */
    statuses: () => renders.map((r) => r.status).filter((status, i, all) => status !== all[i - 1]),
  };
}
