import { packageBuild } from '../../tsup.config.base';

// Three entries: the stable surface, the platform packages' building blocks, and helpers for adapter authors' tests.
export default packageBuild({ index: 'src/index.ts', internal: 'src/internal.ts', testing: 'src/testing/index.ts' });
