import { HttpError } from './responses.js';

/** The negotiated version and any deprecation headers to add. */
export interface VersionCheck {
  version: string;
  headers: Record<string, string>;
}

/**
 * Applies contract 2.1: a missing `MSA-Version` means `0.1`; versions compare by MAJOR.MINOR (`0.1` = `0.1.0`);
 * an unsupported one is 400 `unsupported_version`; a deprecated one adds `X-MSA-Deprecated` and the sunset date.
 */
export function checkMsaVersion(
  header: string | string[] | undefined,
  supported: readonly string[],
  deprecated: Readonly<Record<string, string>>,
): VersionCheck {
  const requested = typeof header === 'string' && header.trim() !== '' ? header.trim() : '0.1';
  const wanted = majorMinor(requested);
  const match = wanted === undefined ? undefined : supported.find((version) => majorMinor(version) === wanted);
  if (match === undefined) {
    throw new HttpError(400, 'unsupported_version', `MSA-Version ${requested} is not supported.`, {
      requested_version: requested,
      supported_versions: [...supported],
    });
  }
  const sunset = Object.entries(deprecated).find(([version]) => majorMinor(version) === wanted)?.[1];
  return { version: match, headers: sunset === undefined ? {} : { 'X-MSA-Deprecated': 'true', 'X-MSA-Sunset-Date': sunset } };
}

function majorMinor(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version);
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}
