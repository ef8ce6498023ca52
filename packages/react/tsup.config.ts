import { packageBuild } from '../../tsup.config.base';

// The entry's 'use client' directive is kept at the top of both builds (test/dist.node.test.ts checks it).
export default packageBuild();
