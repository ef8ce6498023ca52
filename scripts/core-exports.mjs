#!/usr/bin/env node
// Lists the names exported by @scribe/core's stable entry (packages/core/src/index.ts), types included, and compares
// them with the committed list packages/core/public-api.txt: growing the public surface is a visible decision.
// Usage: node scripts/core-exports.mjs            print the names and their count
//        node scripts/core-exports.mjs --check    fail when the entry and the committed list differ
//        node scripts/core-exports.mjs --write    rewrite the committed list
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'packages', 'core', 'src', 'index.ts');
const listFile = join(root, 'packages', 'core', 'public-api.txt');

/** The exported names of a module, sorted. */
export function exportedNames(file) {
  const program = ts.createProgram([file], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`cannot read the exports of ${file}`);
  return checker.getExportsOfModule(symbol).map((s) => s.getName()).sort();
}

const names = exportedNames(entry);
if (process.argv.includes('--write')) {
  writeFileSync(listFile, `${names.join('\n')}\n`);
  console.log(`wrote ${names.length} names to ${listFile}`);
} else if (process.argv.includes('--check')) {
  const committed = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const added = names.filter((name) => !committed.includes(name));
  const removed = committed.filter((name) => !names.includes(name));
  if (added.length || removed.length) {
    console.error(`@scribe/core's public surface changed (${names.length} names, list has ${committed.length}).`);
    if (added.length) console.error(`  added: ${added.join(', ')}`);
    if (removed.length) console.error(`  removed: ${removed.join(', ')}`);
    console.error('If this is intended, run `node scripts/core-exports.mjs --write` and commit packages/core/public-api.txt.');
    process.exit(1);
  }
  console.log(`@scribe/core exports ${names.length} names, as committed.`);
} else {
  for (const name of names) console.log(name);
  console.log(`${names.length} names`);
}
