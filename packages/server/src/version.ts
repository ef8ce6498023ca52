/** This package's version, sent in the webhook `User-Agent` and printed by the CLI. */
export const SERVER_VERSION = '0.1.0';
