/**
 * A deep copy of a JSON value with every occurrence of the upstream session id (in strings and keys) replaced by the
 * handle, so the browser never learns the service's id. Values under a key listed in `keep` are copied unchanged (a
 * stream's `upload_url`, which must reach the browser byte for byte).
 */
export function replaceUpstreamId(value: unknown, upstreamId: string, handle: string, keep: readonly string[] = []): unknown {
  const replace = (text: string) => (upstreamId === '' ? text : text.split(upstreamId).join(handle));
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return replace(node);
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [replace(key), keep.includes(key) ? child : visit(child)]));
    }
    return node;
  };
  return visit(value);
}
