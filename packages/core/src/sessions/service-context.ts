import type { ScribeConfig } from '../config/scribe-config';
import type { DiscoveryClient } from '../discovery/discovery-client';
import type { ServiceDescription } from '../discovery/service-description';
import { ConfigError, ScribeError } from '../errors';
import type { Transport, TransportRequest, TransportResponse } from '../transport/transport';
import { buildEndpoints, type SessionEndpoints } from './endpoints';

/** Where protocol calls go right now, and what goes with them. */
export interface ResolvedService {
  /** URLs of every call. */
  endpoints: SessionEndpoints;
  /** The discovery description: always present in `msa`, absent in `eka` (where discovery never gates a call). */
  description: ServiceDescription | undefined;
  /** Headers for every protocol call: `MSA-Version` in `msa`, none in `eka`. */
  headers: Record<string, string>;
}

/** Shared plumbing of the sessions API and the uploader: endpoint resolution and the `msa` 401 rule. */
export interface ServiceContext {
  /** The resolved configuration. */
  readonly config: ScribeConfig;
  /** The discovery client. */
  readonly discovery: DiscoveryClient;
  /** Endpoints and headers; in `msa` this reads discovery first (cached), so it precedes every session call. */
  resolve(signal?: AbortSignal): Promise<ResolvedService>;
  /** Sends through the transport; in `msa` a 401 also drops the cached discovery document (contract 2.2). */
  request<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>>;
}

/** Creates the service context for one client. */
export function createServiceContext(options: { config: ScribeConfig; transport: Transport; discovery: DiscoveryClient }): ServiceContext {
  const { config, transport, discovery } = options;

  async function resolve(signal?: AbortSignal): Promise<ResolvedService> {
    if (config.dialect === 'eka') {
      if (!config.baseUrl) throw new ConfigError('No base_url is configured for the eka dialect.');
      return { endpoints: buildEndpoints({ dialect: 'eka', baseUrl: config.baseUrl }), description: undefined, headers: {} };
    }
    const description = await discovery.get({ signal });
    // An explicit base_url wins over discovery (contract 0.2); the discovery URLs then no longer apply to it.
    const explicit = config.explicitUrls.baseUrl && config.baseUrl ? config.baseUrl : undefined;
    const endpoints = explicit
      ? buildEndpoints({ dialect: 'msa', baseUrl: explicit })
      : buildEndpoints({ dialect: 'msa', baseUrl: description.baseUrl ?? '', templatesUrl: description.templatesUrl, webhooksUrl: description.webhooksUrl });
    return { endpoints, description, headers: description.version ? { 'MSA-Version': description.version } : {} };
  }

  async function request<T>(req: TransportRequest): Promise<TransportResponse<T>> {
    try {
      return await transport.request<T>(req);
    } catch (error) {
      if (config.dialect === 'msa' && req.auth !== false && ScribeError.is(error) && error.status === 401) discovery.invalidate();
      throw error;
    }
  }

  return { config, discovery, resolve, request };
}
