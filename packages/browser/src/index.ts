/**
 * @scribe/browser: the scribe-ts SDK in a browser tab, on @scribe/core's session controller.
 * @packageDocumentation
 */
export { SCRIBE_BROWSER_PACKAGE } from './package-name';
