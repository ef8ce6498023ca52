import { stripTrailingSlash } from '../config/url-rules';
import { ValidationError } from '../errors';
import type { Dialect } from '../config/scribe-config';

/** Inputs of `buildEndpoints`: the protocol base and, in `msa`, the URLs the discovery document named. */
export interface EndpointInput {
  /** Wire dialect. */
  dialect: Dialect;
  /** `eka`: the configured base (`https://api.eka.care/voice`), `/v1` is appended; `msa`: `endpoints.base_url` as is. */
  baseUrl: string;
  /** `msa` only: discovery `endpoints.templates_url`. Default `{base}/templates`. */
  templatesUrl?: string;
  /** `msa` only: discovery `endpoints.webhooks_url`. Default `{base}/webhooks`. */
  webhooksUrl?: string;
}

/** Absolute URLs of every protocol call, ids percent-encoded. */
export interface SessionEndpoints {
  /** The API root every path hangs from (`eka`: `{base}/v1`; `msa`: the discovery base). */
  readonly apiBase: string;
  /** `POST` here to create a session. */
  sessions(): string;
  /** `GET` / `PATCH` one session. */
  session(sessionId: string): string;
  /** `POST` here to end a session. */
  end(sessionId: string): string;
  /** The conventional upload URL `{apiBase}/sessions/{id}/audio` (form B/C target when no `upload_url` is known). */
  audio(sessionId: string): string;
  /** Form A raw upload target `{apiBase}/sessions/{id}/audio/{fileName}`. */
  audioFile(sessionId: string, fileName: string): string;
  /** `POST` here to rerun extraction for all templates, or for one. */
  processTemplate(sessionId: string, templateId?: string): string;
  /** `GET` the template list. */
  templates(): string;
  /** Webhook registrations. */
  webhooks(): string;
}

/** Builds the URLs of one service per contract 0.2 and 2.0. Ids are opaque: never checked, always percent-encoded. */
export function buildEndpoints(input: EndpointInput): SessionEndpoints {
  const root = stripTrailingSlash(input.baseUrl);
  const apiBase = input.dialect === 'eka' ? `${root}/v1` : root;
  const session = (id: string) => `${apiBase}/sessions/${encodePathSegment(id)}`;
  const templatesUrl = input.dialect === 'msa' && input.templatesUrl ? input.templatesUrl : `${apiBase}/templates`;
  const webhooksUrl = input.dialect === 'msa' && input.webhooksUrl ? stripTrailingSlash(input.webhooksUrl) : `${apiBase}/webhooks`;
  return {
    apiBase,
    sessions: () => `${apiBase}/sessions`,
    session,
    end: (id) => `${session(id)}/end`,
    audio: (id) => `${session(id)}/audio`,
    audioFile: (id, fileName) => `${session(id)}/audio/${encodePathSegment(fileName)}`,
    processTemplate: (id, templateId) =>
      templateId === undefined ? `${session(id)}/process/template` : `${session(id)}/process/template/${encodePathSegment(templateId)}`,
    templates: () => templatesUrl,
    webhooks: () => webhooksUrl,
  };
}

/**
 * Percent-encodes one path segment. The dot segments `.` and `..` cannot be addressed at all (URL parsers collapse
 * them, even as `%2E%2E`, into another path), so they are refused with ValidationError rather than sent elsewhere.
 */
export function encodePathSegment(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') {
    throw new ValidationError(`"${segment}" cannot be used as an id or file name in a URL path.`);
  }
  return encodeURIComponent(segment);
}
