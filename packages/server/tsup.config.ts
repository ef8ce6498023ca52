import { defineConfig, type Options } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// tsup bundles `optionalDependencies`: onnxruntime-node must stay a separate, possibly absent package (docs/install.md).
export default defineConfig({ ...(packageBuild(['src/index.ts', 'src/cli.ts']) as Options), external: ['onnxruntime-node'] });
