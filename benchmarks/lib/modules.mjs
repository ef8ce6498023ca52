// The built packages (pnpm bench builds them first). Relative imports, so the benchmarks need no package of their
// own: @scribe/node and @scribe/server resolve their dependencies from their own node_modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
for (const name of ['core', 'node', 'server']) {
  if (!existsSync(`${ROOT}packages/${name}/dist/index.js`)) {
    throw new Error(`packages/${name}/dist is missing: run \`pnpm bench\` (it builds first) or \`pnpm build\`.`);
  }
}

export const core = await import('../../packages/core/dist/index.js');
export const node = await import('../../packages/node/dist/index.js');
export const loadServer = () => import('../../packages/server/dist/index.js');
export { ROOT };
