#!/usr/bin/env node
// The browser bundle-size budget (issue 9): bundles each entry under benchmarks/size/ the way an app's bundler would
// (ESM, tree-shaken, minified, browser conditions) with the esbuild that tsup already brings, gzips the result and
// fails when an entry is over its budget. Workspace packages are taken from their built dist (run the build first);
// onnxruntime-web and React are external: the model runtime and the framework are the app's, not the SDK's weight.
//
//   node scripts/size-budget.mjs                 min and gzip bytes per entry, the largest inputs; exit 1 over budget
//   node scripts/size-budget.mjs --json          the same as JSON on stdout
//   node scripts/size-budget.mjs --top 20        list more inputs (default 12)
//   node scripts/size-budget.mjs --from-source   resolve @scribe/* to their TypeScript sources instead of dist, so the
//                                                inputs are named per source file (diagnosis only: no budget check)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const KB = 1000;

/**
 * The entries and their gzip budgets, in bytes. An entry whose file does not exist yet is reported as pending, not
 * failed, so the slots below can be filled in as the packages land.
 */
/**
 * The browser app's budget. Issue 9's target is 50 kB gzip; today's figure (50.8 kB) is still above it
 * (docs/benchmarks.md, "Browser bundle size", says where the bytes are and what comes next), so this is a ratchet at
 * today's figure plus 0.5 kB: it catches any growth while the target is worked towards, and must only ever be lowered.
 */
const BROWSER_BUDGET = 51.3 * KB;

const ENTRIES = [
  {
    name: 'core-controller',
    file: 'benchmarks/size/core-controller.ts',
    // A ratchet (51.3 kB after zod/mini and dropping ofetch, from 73.8 kB; 53.1 kB once the durable queue joined the
    // controller; 49.4 kB with the stream code loaded on demand; 42.3 kB with zod out of wire parsing): it may only go down.
    // The target is about 40 kB, core's share of the 50 kB browser budget once @scribe/browser's own 8-10 kB (microphone,
    // IndexedDB queue, the client) is added; docs/benchmarks.md ("Browser bundle size") says where the rest goes.
    budget: 42.7 * KB,
    description: '@scribe/core as the browser package uses it: createScribeCore + resolveConfig + createScribeSession + Silero',
  },
  // ---- Slots for the browser packages (being written): add the entry file and the budget applies. ----
  {
    name: 'browser-recorder',
    file: 'benchmarks/size/browser-recorder.ts',
    // Issue 9 asks for at most 50 kB gzip; see BROWSER_BUDGET.
    budget: BROWSER_BUDGET,
    description: "a minimal recording app: import { createBrowserClient } from '@scribe/browser', record, stop, show the note",
  },
  {
    name: 'react-recorder',
    file: 'benchmarks/size/react-recorder.tsx',
    // The React binding is thin: at most 5 kB more than the plain browser app (React itself is external). Today it is
    // 2 kB more, so the budget is the ratchet at today's 52.8 kB plus 0.5 kB, tighter than that rule.
    budget: Math.min(BROWSER_BUDGET + 5 * KB, 53.2 * KB),
    description: 'the same app through @scribe/react hooks (react and react-dom external)',
  },
];

/** Never counted: the ONNX runtime and the model are loaded by the app, React is the app's framework. */
const EXTERNAL = ['onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-common', 'react', 'react/*', 'react-dom', 'react-dom/*'];

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, top: { type: 'string', default: '12' }, 'from-source': { type: 'boolean', default: false } },
});
const fromSource = args['from-source'];

// esbuild is tsup's dependency: use that copy rather than a download of our own.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');

/** Resolves `@scribe/<name>[/<sub>]` to the package's built ESM file (or, with --from-source, its source file). */
const workspacePlugin = {
  name: 'scribe-workspace',
  setup(build) {
    build.onResolve({ filter: /^@scribe\/[^/]+(\/.*)?$/ }, ({ path }) => {
      const [, name, sub] = /^@scribe\/([^/]+)(\/.*)?$/.exec(path);
      const packageDir = join(ROOT, 'packages', name);
      const manifestFile = join(packageDir, 'package.json');
      if (!existsSync(manifestFile)) return { errors: [{ text: `no workspace package packages/${name}` }] };
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      const target = manifest.exports?.[sub ? `.${sub}` : '.'];
      const file = typeof target === 'string' ? target : (target?.import?.default ?? target?.import ?? target?.default);
      if (typeof file !== 'string') return { errors: [{ text: `${path} is not in ${name}'s exports map` }] };
      const built = join(packageDir, file);
      if (fromSource) return { path: sourceFor(packageDir, file) };
      if (!existsSync(built)) return { errors: [{ text: `${relative(ROOT, built)} is missing: build first (npx turbo run build)` }] };
      return { path: built };
    });
  },
};

/** `dist/internal.js` → `src/internal.ts`, or `src/internal/index.ts` (tsup's entries mirror the sources). */
function sourceFor(packageDir, distFile) {
  const stem = distFile.replace(/^\.\/dist\//, '').replace(/\.m?js$/, '');
  for (const candidate of [`src/${stem}.ts`, `src/${stem}.tsx`, `src/${stem}/index.ts`, `src/${stem}/index.tsx`]) {
    if (existsSync(join(packageDir, candidate))) return join(packageDir, candidate);
  }
  throw new Error(`no source file for ${distFile} in ${relative(ROOT, packageDir)}`);
}

/** Which package (or workspace file) an input path of the metafile belongs to. */
function inputOwner(path) {
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = /^packages\/([^/]+)\//.exec(path);
  if (workspace) return `@scribe/${workspace[1]}`;
  return '(entry)';
}

/** Bundles one entry; returns its sizes and its inputs by bytes in the output. */
async function measure(entry) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, entry.file)],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: EXTERNAL,
    plugins: [workspacePlugin],
    metafile: true,
    write: false,
    // Code splitting as an app's bundler does it: a dynamic import() (file decoding's demuxer, say) becomes a chunk
    // loaded when used, so the budget counts what the page loads up front and reports the lazy chunks apart.
    splitting: true,
    outdir: 'size-budget',
    logLevel: 'silent',
    legalComments: 'none',
    // The React entry's JSX compiles to react/jsx-runtime calls (external), as Vite and Next.js compile it.
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = result.metafile.outputs;
  // The entry's own output: each lazy chunk of a dynamic import() names its module as `entryPoint` too, so match the file.
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint === entry.file);
  if (!entryName) throw new Error(`no output for ${entry.file} in the metafile`);
  // The entry and every chunk it imports statically, transitively: what loads before the app runs.
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entryName);
  const contents = (name) => result.outputFiles.find((file) => file.path.endsWith(`/${name}`) || file.path.endsWith(name)).contents;
  const code = Buffer.concat([...upFront].map((name) => Buffer.from(contents(name))));
  const lazy = Object.keys(outputs).filter((name) => name.endsWith('.js') && !upFront.has(name));
  const lazyBytes = Buffer.concat(lazy.map((name) => Buffer.from(contents(name))));
  const output = { inputs: Object.assign({}, ...[...upFront].map((name) => outputs[name].inputs)) };
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, owner: inputOwner(path), bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const owners = new Map();
  for (const input of inputs) owners.set(input.owner, (owners.get(input.owner) ?? 0) + input.bytes);
  return {
    name: entry.name,
    file: entry.file,
    description: entry.description,
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    lazy: { chunks: lazy.length, minBytes: lazyBytes.byteLength, gzipBytes: lazy.length ? gzipSync(lazyBytes, { level: 9 }).byteLength : 0 },
    budgetGzipBytes: entry.budget,
    packages: [...owners].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    inputs,
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;

const report = [];
for (const entry of ENTRIES) {
  if (!existsSync(join(ROOT, entry.file))) {
    report.push({ name: entry.name, file: entry.file, description: entry.description, pending: true, budgetGzipBytes: entry.budget });
    continue;
  }
  try {
    const measured = await measure(entry);
    report.push({ ...measured, ok: fromSource || measured.gzipBytes <= entry.budget });
  } catch (error) {
    const messages = error.errors?.map((e) => e.text).join('; ') ?? String(error);
    report.push({ name: entry.name, file: entry.file, ok: false, error: messages, budgetGzipBytes: entry.budget });
  }
}

const failed = report.filter((entry) => entry.ok === false);
if (args.json) {
  console.log(JSON.stringify({ unit: 'bytes', gzipLevel: 9, fromSource, external: EXTERNAL, entries: report }, null, 2));
} else {
  const top = Number(args.top);
  for (const entry of report) {
    if (entry.pending) {
      console.log(`${entry.name}: pending (${entry.file} not written yet; budget ${kb(entry.budgetGzipBytes)} gzip)`);
      continue;
    }
    if (entry.error) {
      console.log(`${entry.name}: FAILED TO BUILD: ${entry.error}`);
      continue;
    }
    const verdict = fromSource ? '(from source, not checked)' : entry.ok ? 'ok' : 'OVER BUDGET';
    console.log(`${entry.name}: ${kb(entry.minBytes)} min (${entry.minBytes} B), ${kb(entry.gzipBytes)} gzip (${entry.gzipBytes} B), budget ${kb(entry.budgetGzipBytes)} gzip: ${verdict}`);
    if (entry.lazy.chunks) console.log(`  loaded on demand (dynamic import, not counted): ${entry.lazy.chunks} chunks, ${kb(entry.lazy.minBytes)} min, ${kb(entry.lazy.gzipBytes)} gzip`);
    console.log(`  by package (min, up front): ${entry.packages.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}`);
    console.log(`  largest inputs (min${fromSource ? '' : '; --from-source names the workspace packages\' source files'}):`);
    for (const input of entry.inputs.slice(0, top)) console.log(`    ${kb(input.bytes).padStart(9)}  ${shortPath(input.path)}`);
  }
  if (failed.length) console.error(`size budget exceeded or unmeasurable: ${failed.map((entry) => entry.name).join(', ')}`);
}
process.exit(failed.length ? 1 : 0);

function shortPath(path) {
  const modules = path.lastIndexOf('node_modules/');
  return modules >= 0 ? path.slice(modules + 'node_modules/'.length) : path;
}

