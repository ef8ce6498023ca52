import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Hook tests: one file list, run against React 19 (the dev dependency) and React 18 (the `react18` aliases). */
const include = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'react19', include, testTimeout: 20_000, environment: 'happy-dom', env: { EXPECTED_REACT_MAJOR: '19' }, setupFiles: ['test/support/wait-for-timeout.ts', 'test/support/no-console-errors.ts'] } },
      {
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: `${packageDir('react-dom18')}$1` },
            { find: /^react(\/.*)?$/, replacement: `${packageDir('react18')}$1` },
          ],
        },
        // The aliases cover our sources and tests; this setup file redirects `require('react')` inside dependencies
        // (react-dom 18 itself, @testing-library/react), which Node loads without Vite.
        test: { name: 'react18', include, testTimeout: 20_000, env: { EXPECTED_REACT_MAJOR: '18' }, exclude: ['test/dist.test.ts', 'test/bundle-size.test.ts'], environment: 'happy-dom', setupFiles: ['test/support/use-react-18.ts', 'test/support/wait-for-timeout.ts', 'test/support/no-console-errors.ts'] },
      },
    ],
  },
});
