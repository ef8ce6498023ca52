/** Protocol versions this SDK speaks, newest last. */
export const SDK_PROTOCOL_VERSIONS: readonly string[] = Object.freeze(['0.1']);

// MAJOR.MINOR only: `0.1` and `0.1.0` are the same version (contract 10.36).
function majorMinor(version: string): [number, number] | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?/.exec(version);
  return match ? [Number(match[1]), Number(match[2] ?? '0')] : undefined;
}

/** True when two versions agree on MAJOR.MINOR. */
export function sameProtocolVersion(a: string, b: string): boolean {
  const left = majorMinor(a);
  const right = majorMinor(b);
  return left !== undefined && right !== undefined && left[0] === right[0] && left[1] === right[1];
}

/**
 * The highest version shared by the server and the SDK, in the SDK's spelling (sent as `MSA-Version`), or undefined
 * when none is shared.
 */
export function negotiateProtocolVersion(
  serverVersions: readonly string[],
  clientVersions: readonly string[] = SDK_PROTOCOL_VERSIONS,
): string | undefined {
  const shared = clientVersions.filter((mine) => serverVersions.some((theirs) => sameProtocolVersion(mine, theirs)));
  return shared.sort((a, b) => compare(majorMinor(a)!, majorMinor(b)!)).at(-1);
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
