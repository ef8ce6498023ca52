import { defineConfig } from 'vite';
import { scribeDevServices } from 'example-web-support';

export default defineConfig({
  plugins: [scribeDevServices()],
  server: { host: '127.0.0.1' },
});
