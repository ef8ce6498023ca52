// The one Vite feature the browser tests use (vitest serves them through Vite); vite itself is not a dependency here.
interface ImportMeta {
  glob<T>(pattern: string, options: { query: string; import: string; eager: true }): Record<string, T>;
}
