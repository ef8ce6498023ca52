import { packageBuild } from '../../tsup.config.base';

// The library entry (ESM + CJS) and the `scribe` bin; the bin is an ES module with top-level await.
export default packageBuild(['src/index.ts', 'src/bin.ts']);
