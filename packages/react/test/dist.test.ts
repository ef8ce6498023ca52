// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);

it("both builds start with the 'use client' directive (in the directive prologue, before any statement)", async () => {
  for (const file of ['index.js', 'index.cjs']) {
    const text = await readFile(new URL(file, dist), 'utf8');
    // Only directives (and `use strict` in CommonJS) may come before it; a statement first would void the directive.
    expect(text, file).toMatch(/^(["']use strict["'];\s*)?["']use client["'];\n/);
  }
});

it('the CommonJS and ES builds load in Node and export the same names', async () => {
  const esm = await import(new URL('index.js', dist).href);
  const cjs = createRequire(import.meta.url)(new URL('index.cjs', dist).pathname);
  expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  expect(Object.keys(esm).sort()).toEqual(['IDLE_SCRIBE_STATE', 'ScribeProvider', 'createScribeController', 'toScribeResult', 'useScribe', 'useScribeResult']);
});
