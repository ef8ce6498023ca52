#!/usr/bin/env node
// Builds the API reference (docs/api/, git-ignored) with TypeDoc from the doc comments of every public entry point.
// Fails (exit 1) on any TypeDoc warning or error, so a broken {@link} or a public type that is not exported from an
// entry shows up in `npm test` rather than as a dead link in the published reference.
// The tsconfig (scripts/tsconfig.api-docs.json) maps @scribe/core's entries to their sources, so that types shared
// between packages are documented once, under core, and linked from node, browser, react and server.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Application, LogLevel } from 'typedoc';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'api');

// The public entries: the `exports` maps of the packages, minus @scribe/core/internal (unstable building blocks).
const entryPoints = [
  'packages/core/src/index.ts',
  'packages/core/src/stream/index.ts',
  'packages/core/src/templates/index.ts',
  'packages/core/src/testing/index.ts',
  'packages/node/src/index.ts',
  'packages/browser/src/index.ts',
  'packages/react/src/index.ts',
  'packages/server/src/index.ts',
].map((path) => join(root, path));

const app = await Application.bootstrap({
  entryPoints,
  entryPointStrategy: 'resolve',
  tsconfig: join(root, 'scripts', 'tsconfig.api-docs.json'),
  name: 'scribe-ts API reference',
  // The repository README links to files in the repository, which have no place in the reference.
  readme: 'none',
  out,
  logLevel: LogLevel.Warn,
  // Source links would carry the commit hash and churn on every build; the reference names the defining file instead.
  disableSources: true,
  // Private members and members tagged @internal are implementation, not API.
  excludePrivate: true,
  excludeInternal: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
  // Every export and member has a doc comment (house rule). Properties are left out only because TypeDoc would ask for
  // comments on the keys of the anonymous types zod infers (enum values such as `unit.year`), which have no source to
  // carry one; interface properties are all documented today.
  requiredToBeDocumented: ['Class', 'Interface', 'TypeAlias', 'Function', 'Variable', 'Enum', 'EnumMember', 'Method', 'Accessor', 'Constructor'],
});

const project = await app.convert();
if (project === undefined) {
  console.error('api-docs: TypeDoc could not convert the entry points (see the messages above).');
  process.exit(1);
}
app.validate(project);
await rm(out, { recursive: true, force: true });
await app.generateDocs(project, out);

if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error('api-docs: the API reference must build without warnings; fix the doc comments or exports named above.');
  process.exit(1);
}
console.log(`api-docs: ${project.children?.length ?? 0} entry points documented in ${join('docs', 'api')}/ with no warnings.`);
