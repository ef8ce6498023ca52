import { packageBuild } from '../../tsup.config.base';

// Four entries: the stable surface, the platform packages' building blocks, the typed data of the built-in templates
// (its own entry: the template schemas are classic zod, which a browser app that never parses template data must not
// load), and helpers for adapter authors' tests.
export default packageBuild({ index: 'src/index.ts', internal: 'src/internal.ts', templates: 'src/templates/index.ts', stream: 'src/stream/index.ts', testing: 'src/testing/index.ts' });
