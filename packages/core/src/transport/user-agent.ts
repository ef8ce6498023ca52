/** The SDK version sent in the User-Agent (kept in step with packages/core/package.json by the release process). */
export const SDK_VERSION = '0.1.0';

/** The default User-Agent of the HTTP transport. */
export const DEFAULT_USER_AGENT = `scribe-ts/${SDK_VERSION}`;
