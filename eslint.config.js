import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's globals, for the .mjs scripts (the TypeScript packages get theirs from @types/node through the type checker).
const nodeGlobals = ['process', 'Buffer', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'performance', 'URL', 'TextDecoder', 'TextEncoder', 'AbortController', 'AbortSignal', 'structuredClone', 'queueMicrotask', 'fetch', 'Request', 'Response', 'WebAssembly', 'globalThis', 'gc'];

const platformGlobals = ['window', 'document', 'navigator', 'process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'localStorage', 'sessionStorage', 'location', 'self'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts and benchmarks are plain Node ES modules.
    files: ['scripts/**/*.mjs', 'benchmarks/**/*.mjs'],
    languageOptions: { globals: Object.fromEntries(nodeGlobals.map((name) => [name, 'readonly'])) },
  },
  {
    // The core knows no platform: adapters implement its ports (see docs/architecture.md).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', coreImportRestrictions()],
      'no-restricted-globals': ['error', ...platformGlobals.map((name) => ({ name, message: `core must not touch the platform global "${name}".` }))],
    },
  },
  {
    // The browser examples show what an app can do with the published entries only.
    files: ['examples/react-app/**/*.{ts,tsx}', 'examples/web-support/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@scribe/*/internal', '@scribe/*/testing', '@scribe/*/src/*'], message: 'examples use the public entries (@scribe/browser, @scribe/react, @scribe/node, @scribe/server).' }] }],
    },
  },
  {
    // Auth sits on transport, never the reverse: the transport only knows the TransportAuth interface it declares.
    files: ['packages/core/src/transport/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        coreImportRestrictions([{ group: ['../auth', '../auth/*'], message: 'transport must not depend on auth: declare what it needs in transport/transport-auth.ts.' }]),
      ],
    },
  },
);

// One object, because a later config block replaces a rule's options rather than adding to them.
function coreImportRestrictions(extraPatterns = []) {
  return {
    patterns: [
      { group: ['node:*'], message: 'core is runtime-agnostic: put Node code in @scribe/node behind a port.' },
      { group: ['ws', 'isomorphic-ws', 'onnxruntime-*', 'react', 'react-dom', '@scribe/node', '@scribe/browser', '@scribe/react', '@scribe/server'], message: 'core must not import adapters or platform libraries.' },
      ...extraPatterns,
    ],
    // Exact names: as a pattern, `stream` would also match core's own `./stream` directory.
    paths: ['fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'stream', 'url', 'events', 'buffer'].map((name) => ({ name, message: 'core must not import Node built-ins.' })),
  };
}
