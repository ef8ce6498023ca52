import type { ScribeCore } from '@scribe/core/internal';

// Keyed by the client object, so the core stays private to the package: nothing on ScribeClient's public surface
// reaches it, and a client from another copy of the package is simply not found.
const cores = new WeakMap<object, ScribeCore>();

/** Records the core a ScribeClient composes (called once, by its constructor). Internal to @scribe/node. */
export function registerClientCore(client: object, core: ScribeCore): void {
  cores.set(client, core);
}

/** The core behind a ScribeClient of this copy of @scribe/node, or undefined. Internal to @scribe/node. */
export function clientCore(client: object): ScribeCore | undefined {
  return cores.get(client);
}
