import { defineConfig } from 'vite';
import { scribeDevServices } from './scribe-dev-services';

export default defineConfig({
  plugins: [scribeDevServices()],
  server: { host: '127.0.0.1' },
});
