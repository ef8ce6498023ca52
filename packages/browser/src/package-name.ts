/** The package's name, as reported in diagnostics. */
export const SCRIBE_BROWSER_PACKAGE = '@scribe/browser';
