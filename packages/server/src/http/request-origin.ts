import type { IncomingMessage } from 'node:http';

const VALID_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Base for generated URLs (contract 0.3): the configured public URL, else `http://` plus the request's `Host`
 * (validated, since it lands in URLs we hand out), else the address the server is bound to.
 */
export function requestOrigin(req: IncomingMessage, publicUrl: string | undefined, boundAddress: string): string {
  if (publicUrl) return publicUrl;
  const host = req.headers.host;
  return `http://${typeof host === 'string' && VALID_HOST.test(host) ? host : boundAddress}`;
}
