import { packageBuild } from '../../tsup.config.base';

// tsup leaves `dependencies` external but bundles `optionalDependencies`: onnxruntime-node must stay a separate,
// possibly absent package (docs/install.md), so it is named here.
export default { ...packageBuild(), external: ['onnxruntime-node'] };
