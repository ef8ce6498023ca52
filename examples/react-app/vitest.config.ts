import { defineConfig } from 'vitest/config';

// The end-to-end tests share the machine's two cores with a Vite server, a local scribe server and Chromium: one file at a time.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 60_000, fileParallelism: false } });
