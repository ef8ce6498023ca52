import { createRequire } from 'node:module';
import Module from 'node:module';
import { dirname } from 'node:path';

// pnpm links react-dom 18 and @testing-library/react to the workspace's React 19 (their peer). For the React 18
// project every `react` / `react-dom` request, wherever it comes from, goes to the react18 / react-dom18 aliases.
const require = createRequire(import.meta.url);
const targets: Record<string, string> = {
  react: dirname(require.resolve('react18/package.json')),
  'react-dom': dirname(require.resolve('react-dom18/package.json')),
};
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const match = /^(react|react-dom)(\/.*)?$/.exec(request);
  return original.call(this, match ? `${targets[match[1]!]}${match[2] ?? ''}` : request, ...rest);
};
