import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/authenticate.js';
import { HttpError, type HttpResponse } from './responses.js';
import type { SpooledBody } from './spool-body.js';

/** Facts about an audio upload, recorded in the test request log. */
export interface UploadNote {
  form: 'A' | 'B' | 'C';
  fileName?: string;
  contentType?: string;
  bytes: number;
}

/** Everything a handler knows about one request. */
export interface RequestContext {
  req: IncomingMessage;
  method: string;
  url: URL;
  params: Record<string, string>;
  /** `/v1`, `/voice/v1`, or '' for root routes. */
  prefix: string;
  requestId: string;
  /** Set on authenticated routes. */
  principal: Principal | undefined;
  /** Parsed JSON body on JSON routes (`undefined` when empty). */
  body: unknown;
  /** The raw body on audio routes, spooled to a scratch file (removed after the handler unless it moved it). */
  rawBody: SpooledBody | undefined;
  /** Base for generated URLs: the configured public URL, else scheme and `Host` of this request. */
  origin: string;
  /** Aborts when the client disconnects or the server closes (ends long-polls early). */
  signal: AbortSignal;
  /** Adds upload details to this request's log entry. */
  noteUpload(note: UploadNote): void;
}

/** A route handler. */
export type Handler = (ctx: RequestContext) => Promise<HttpResponse>;

/** The caller of an authenticated route (the pipeline guarantees it is set there). */
export function principalOf(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new HttpError(401, 'authentication_failed', 'Credentials required.', { reason: 'missing_credentials' });
  return ctx.principal;
}
