// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/** The budget of issue 10: what @scribe/react adds on top of @scribe/browser (and core), minified and gzipped. */
const BUDGET_BYTES = 5 * 1024;

/** A minimal app: a provider and a component with a record button, as docs/react.md shows. */
const APP = `
import { createElement as h } from 'react';
import { ScribeProvider, useScribe } from '@scribe/react';
function Recorder() {
  const { status, isRecording, level, start, stop, result } = useScribe();
  return h('div', null, h('button', { onClick: isRecording ? stop : start }, status), h('meter', { value: level }), result && result.transcript);
}
export function App({ client }) {
  return h(ScribeProvider, { client, templates: ['clinical_notes_template'] }, h(Recorder));
}
`;

/** Bundles APP against the built package (dist), everything else external, and gzips it. */
export async function measureAppBytes(): Promise<{ minified: number; gzip: number }> {
  const out = await build({
    stdin: { contents: APP, resolveDir: new URL('..', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    alias: { '@scribe/react': new URL('../dist/index.js', import.meta.url).pathname },
    external: ['react', 'react-dom', '@scribe/core', '@scribe/core/*', '@scribe/browser'],
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0]!.contents;
  return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

it(`a minimal app's @scribe/react code is at most ${BUDGET_BYTES} bytes gzipped (react and @scribe/* external)`, async () => {
  const size = await measureAppBytes();
  console.info(`@scribe/react in a minimal app: ${size.minified} B minified, ${size.gzip} B gzip`);
  expect(size.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
});
