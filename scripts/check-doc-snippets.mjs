#!/usr/bin/env node
// Type-checks every TypeScript snippet (```ts, ```typescript and ```tsx blocks) of README.md and docs/*.md against the
// built packages, so the docs cannot drift from the API. `@scribe/*` resolves to the workspace packages' dist types
// (run the build first); each snippet is its own module (top-level await allowed), checked with the repo's strictness.
// Errors are reported as file:line:column of the markdown.
//
// A snippet that needs context it does not show (a `client` made in the previous block, the reader's own `render`)
// declares it in a prelude: an HTML comment directly above the block, type-checked with the snippet,
//   <!-- snippet: prelude
//   declare const client: import('@scribe/node').ScribeClient;
//   -->
// and a block that cannot be TypeScript on its own (pseudo-code of an interface) says so, with the reason:
//   <!-- snippet: fragment: the reason -->
// Both are visible in the markdown source; keep them few. `--list` prints every snippet and how it is checked.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const ts = require('typescript');

const FENCE = /^```(ts|typescript|tsx)\s*$/;
const PRELUDE_START = /^<!--\s*snippet:\s*prelude\s*$/;
const FRAGMENT = /^<!--\s*snippet:\s*fragment:\s*(\S.*?)\s*-->$/;
const ANY_MARKER = /^<!--\s*snippet:/;

/** The markdown files whose snippets are checked: README.md and docs/*.md. */
async function markdownFiles() {
  const docs = (await readdir(join(root, 'docs'))).filter((name) => name.endsWith('.md')).sort();
  return ['README.md', ...docs.map((name) => join('docs', name))];
}

/** Snippets of one markdown file, with the marker (if any) that precedes each. */
function extractSnippets(file, text) {
  const lines = text.split('\n');
  const snippets = [];
  const problems = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = FENCE.exec(lines[index]);
    if (fence === null) continue;
    const start = index + 1; // 0-based index of the first code line
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end += 1;
    const snippet = { file, fenceLine: index + 1, firstLine: start + 1, code: lines.slice(start, end), tsx: fence[1] === 'tsx', prelude: [], preludeLine: 0, fragment: undefined };
    // The marker is the block directly above the fence (blank lines allowed in between).
    let above = index - 1;
    while (above >= 0 && lines[above].trim() === '') above -= 1;
    if (above >= 0 && FRAGMENT.test(lines[above].trim())) snippet.fragment = FRAGMENT.exec(lines[above].trim())[1];
    else if (above >= 0 && lines[above].trim() === '-->') {
      let open = above - 1;
      while (open >= 0 && !ANY_MARKER.test(lines[open].trim()) && lines[open].trim() !== '-->') open -= 1;
      if (open >= 0 && PRELUDE_START.test(lines[open].trim())) {
        snippet.prelude = lines.slice(open + 1, above);
        snippet.preludeLine = open + 2;
      }
    } else if (above >= 0 && ANY_MARKER.test(lines[above].trim())) {
      problems.push(`${file}:${above + 1}: unrecognised snippet marker; use "<!-- snippet: fragment: REASON -->" or a "<!-- snippet: prelude" block`);
    }
    snippets.push(snippet);
    index = end;
  }
  return { snippets, problems };
}

const packageTypes = (name, entry) => join(root, 'packages', name, 'dist', `${entry}.d.ts`);
const compilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.disposable.d.ts'],
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
  jsx: ts.JsxEmit.ReactJSX,
  paths: {
    '@scribe/core': [packageTypes('core', 'index')],
    '@scribe/core/*': [join(root, 'packages', 'core', 'dist', '*.d.ts')],
    '@scribe/node': [packageTypes('node', 'index')],
    '@scribe/browser': [packageTypes('browser', 'index')],
    '@scribe/react': [packageTypes('react', 'index')],
    '@scribe/server': [packageTypes('server', 'index')],
    // The React types live with the package that depends on them.
    react: [join(root, 'packages', 'react', 'node_modules', '@types', 'react', 'index.d.ts')],
    'react/*': [join(root, 'packages', 'react', 'node_modules', '@types', 'react', '*')],
  },
};

const files = await markdownFiles();
const all = [];
const problems = [];
for (const file of files) {
  const extracted = extractSnippets(file, await readFile(join(root, file), 'utf8'));
  all.push(...extracted.snippets);
  problems.push(...extracted.problems);
}

// Each checked snippet becomes a virtual file under the repo root (so node_modules resolve as for a file there).
const virtualDir = join(root, '.doc-snippets');
const sources = new Map();
for (const snippet of all) {
  if (snippet.fragment !== undefined) continue;
  const name = join(virtualDir, `${snippet.file.replace(/[/.]/g, '_')}_${snippet.fenceLine}.${snippet.tsx ? 'tsx' : 'ts'}`);
  snippet.virtualPath = name;
  sources.set(name, { text: [...snippet.prelude, ...snippet.code].join('\n'), snippet });
}

const host = ts.createCompilerHost(compilerOptions);
const readFromDisk = host.readFile.bind(host);
const fileExists = host.fileExists.bind(host);
const getSourceFile = host.getSourceFile.bind(host);
host.readFile = (path) => sources.get(path)?.text ?? readFromDisk(path);
host.fileExists = (path) => sources.has(path) || fileExists(path);
host.getSourceFile = (path, language, onError, create) => {
  const source = sources.get(path);
  return source === undefined ? getSourceFile(path, language, onError, create) : ts.createSourceFile(path, source.text, language, true);
};

for (const dist of ['core', 'node', 'browser', 'react', 'server']) {
  if (!fileExists(packageTypes(dist, 'index'))) {
    console.error(`check-doc-snippets: packages/${dist}/dist/index.d.ts is missing; build first (pnpm turbo run build --filter=./packages/*).`);
    process.exit(1);
  }
}

const program = ts.createProgram({ rootNames: [...sources.keys()], options: compilerOptions, host });
const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...[...sources.keys()].flatMap((path) => {
  const sourceFile = program.getSourceFile(path);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
})];

// Maps a diagnostic in a virtual file back to the markdown line: prelude lines first, then the fenced code.
function where(diagnostic) {
  if (diagnostic.file === undefined) return 'check-doc-snippets';
  const source = sources.get(diagnostic.file.fileName);
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  if (source === undefined) return `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1}`;
  const { snippet } = source;
  const markdownLine = line < snippet.prelude.length ? snippet.preludeLine + line : snippet.firstLine + line - snippet.prelude.length;
  return `${snippet.file}:${markdownLine}:${character + 1}`;
}

for (const diagnostic of diagnostics) {
  problems.push(`${where(diagnostic)}: error TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

const fragments = all.filter((snippet) => snippet.fragment !== undefined);
const withPrelude = all.filter((snippet) => snippet.prelude.length > 0);
if (process.argv.includes('--list')) {
  for (const snippet of all) {
    const how = snippet.fragment !== undefined ? `fragment (${snippet.fragment})` : snippet.prelude.length > 0 ? `checked with a ${snippet.prelude.length}-line prelude` : 'checked';
    console.log(`${snippet.file}:${snippet.fenceLine}: ${how}`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`check-doc-snippets: ${problems.length} problem(s) in the TypeScript snippets of README.md and docs/*.md; fix the docs (or, for a deliberate fragment, mark it as described at the top of scripts/check-doc-snippets.mjs).`);
  process.exit(1);
}
console.log(
  `check-doc-snippets: ${sources.size} of ${all.length} TypeScript snippets in ${files.length} markdown files type-check against the built packages (${withPrelude.length} with a prelude; ${fragments.length} marked as fragments).`,
);
