import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test spawns the built command against a real local server; the round trip runs pocketsphinx on a 23 s
    // consultation, which takes 10-20 s on two shared cores.
    testTimeout: 60_000,
    hookTimeout: 20_000,
  },
});
