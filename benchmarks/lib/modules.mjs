// The built packages (pnpm bench builds them first). Relative imports, so the benchmarks need no package of their
// own: @scribe/node and @scribe/server resolve their dependencies from their own node_modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const entries = [`${ROOT}packages/core/dist/internal.js`, ...['node', 'server'].map((name) => `${ROOT}packages/${name}/dist/index.js`)];

// Other work on this checkout may rebuild a package while a benchmark runs (tsup empties dist first): wait for it.
for (let waited = 0; !entries.every((entry) => existsSync(entry)); waited += 1) {
  if (waited === 0) console.error('[bench] waiting for packages/*/dist (a build is running?)');
  if (waited >= 240) throw new Error(`${entries.find((entry) => !existsSync(entry))} is missing: run \`pnpm bench\` (it builds first) or \`pnpm build\`.`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (entries.every((entry) => existsSync(entry))) await new Promise((resolve) => setTimeout(resolve, 2000));
}

// Benchmarks time the building blocks (decoders, resampler, chunker), so they read core's internal entry.
export const core = await import('../../packages/core/dist/internal.js');
export const node = await import('../../packages/node/dist/index.js');
export const loadServer = () => import('../../packages/server/dist/index.js');
export { ROOT };
