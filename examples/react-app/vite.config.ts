import react from '@vitejs/plugin-react';
import { scribeDevServices } from 'example-web-support';
import { defineConfig } from 'vite';

// `pnpm dev` starts all three: this app, the relay at /api/scribe on the app's own origin, and the local @scribe/server.
export default defineConfig({
  plugins: [react(), scribeDevServices()],
  server: { host: '127.0.0.1' },
});
