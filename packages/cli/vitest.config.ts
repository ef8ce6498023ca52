import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests talk to a real local server; retries with backoff take a few seconds at most.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
