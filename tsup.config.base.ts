import { defineConfig } from 'tsup';

/** The build every package shares: ESM + CJS + declarations for Node 20; `shims` makes `import.meta.url` work in CJS. */
export function packageBuild(entry: string[] | Record<string, string> = ['src/index.ts']) {
  return defineConfig({ entry, format: ['esm', 'cjs'], dts: true, sourcemap: true, clean: true, shims: true, target: 'node20' });
}
