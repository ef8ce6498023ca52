import { defineConfig, type Options } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// tsup leaves `dependencies` external but bundles `optionalDependencies`: onnxruntime-node must stay a separate,
// possibly absent package (docs/install.md), so it is named here. packageBuild() returns one options object.
export default defineConfig({ ...(packageBuild() as Options), external: ['onnxruntime-node'] });
