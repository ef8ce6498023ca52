/**
 * The directory the build fills with the model and onnxruntime-web's files (packages/browser/dist), served by vitest's
 * Vite server at /dist/: the layout an app copies when it serves the assets itself.
 */
// Not `new URL('../../dist/', import.meta.url)`: Vite rewrites that literal form, and resolves a directory to dist/index.js.
export const TEST_ASSET_BASE_URL = `${location.origin}/dist/`;

// Every WAV file the committed speech cuts name, as URLs the page can fetch (Vite serves them from the repository).
const wavUrls: Record<string, string> = {
  ...import.meta.glob<string>('../../../node/models/*.onnx', { query: '?url', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../../node/test/fixtures/audio/*.wav', { query: '?url', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../../../examples/samples/*/*.wav', { query: '?url', import: 'default', eager: true }),
};

/** Fetches a WAV file (or @scribe/node's model) of the repository by its path from the repository root, as speech-cuts.json names it. */
export async function fetchRepositoryFile(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const url = wavUrls[`../../../../${path}`] ?? wavUrls[`../../../${path.replace(/^packages\//, '')}`];
  if (!url) throw new Error(`${path} is not among the files the test support globs.`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
