// @vitest-environment node
import { afterEach, expect, it } from 'vitest';

const POISONED = ['window', 'document', 'navigator', 'AudioContext', 'AudioWorkletNode', 'MediaRecorder', 'indexedDB', 'localStorage'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();
const touched: string[] = [];

/** Every browser global throws when read, so a render that reaches for one fails loudly. */
function poisonBrowserGlobals() {
  for (const name of POISONED) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        throw new Error(`server rendering touched ${name}`);
      },
    });
  }
}

afterEach(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  saved.clear();
});

it('renderToString of a page using useScribe and useScribeResult: idle markup, no browser global touched, no session made', async () => {
  // Core is loaded first: its HTTP dependency (ofetch's Node build, node-fetch-native) probes `typeof window` when it
  // is imported. Everything of this package, and the render, runs with the globals poisoned.
  await import('@scribe/core');
  poisonBrowserGlobals();
  // Imported after poisoning, so this package's module evaluation is checked too.
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { ScribeProvider, useScribe, useScribeResult } = await import('../src');
  const made: unknown[] = [];
  const client = {
    session: (request: unknown) => {
      made.push(request);
      throw new Error('no session on the server');
    },
    waitForResults: () => Promise.reject(new Error('no polling on the server')),
    pendingSessions: () => Promise.reject(new Error('no queue on the server')),
  };
  function Page() {
    const scribe = useScribe();
    const earlier = useScribeResult('ses_earlier');
    return createElement('main', null, `${scribe.status} ${scribe.isRecording} ${scribe.chunks.cut} ${earlier.status}`);
  }
  const html = renderToString(createElement(ScribeProvider, { client, templates: ['clinical_notes_template'] }, createElement(Page)));
  expect(html).toBe('<main>idle false 0 loading</main>');
  expect(touched).toEqual([]);
  expect(made).toEqual([]);
});
