import type { ScribeConfig } from '../config/scribe-config';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Transport } from '../transport/transport';

/** Options shared by the login modes (client credentials, password): the configuration and how the login is sent. */
export interface LoginAuthOptions {
  /** Resolved configuration: the mode's credentials, `authBaseUrl` (the base URL's origin when one is set), `requestTimeout`. */
  config: ScribeConfig;
  /**
   * Sends login and refresh calls: a transport without credentials that follows no redirect (`createScribeCore` passes
   * one with the client's user agent and warning handler). Default: such a transport built from `config` and the
   * options below.
   */
  transport?: Transport;
  /** Monotonic time for token expiry. Default: the system clock. */
  clock?: Clock;
  /** Receives redacted notes about logins and renewals. Default: silent. */
  logger?: Logger;
  /** The fetch of the default transport. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Jitter source of the default transport. Default `Math.random`. */
  random?: () => number;
}
