import type { ScribeConfig } from '../config/scribe-config';
import { ScribeError, ValidationError } from '../errors';
import { linkSignals, throwIfAborted, waitUnlessAborted } from '../errors/abort';
import type { Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import type { Transport } from '../transport/transport';
import { cacheMaxAgeSeconds, DEFAULT_DISCOVERY_MAX_AGE_SECONDS } from './cache-max-age';
import { negotiateProtocolVersion, parseDiscoveryDocument, SDK_PROTOCOL_VERSIONS } from '../protocol';
import { describeDocument } from './describe-document';
import { discoveryUrlFor } from './discovery-url';
import { ekaDefaultDescription, type ServiceDescription } from './service-description';

/** Per-attempt timeout of the optional `eka` discovery fetch: it must never hold up a session. */
const EKA_DISCOVERY_TIMEOUT_MS = 5000;

/** Options of `createDiscoveryClient`. */
export interface DiscoveryClientOptions {
  /** Resolved configuration (dialect and URLs). */
  config: Pick<ScribeConfig, 'dialect' | 'baseUrl' | 'discoveryUrl'>;
  /** Transport; discovery is always fetched with `auth: false`. */
  transport: Transport;
  /** Clock for the cache lifetime. */
  clock: Clock;
  /** Logger. Default: silent. */
  logger?: Logger;
  /** Versions this client speaks, MAJOR.MINOR. Default `["0.1"]`. */
  clientVersions?: readonly string[];
  /**
   * The lifetime of the shared fetch (a client's close signal): it alone cancels the fetch, while a caller's signal
   * only stops that caller waiting. Default: never cancelled (the transport's own timeouts still bound it).
   */
  lifetime?: AbortSignal;
}

/** Reads and caches the service description from the discovery endpoint. */
export interface DiscoveryClient {
  /**
   * The service description: cached for the response's `max-age` (3600 s when absent). `msa`: fetched and
   * validated, failures thrown; `eka`: optional, any failure yields the built-in defaults.
   */
  get(options?: { signal?: AbortSignal }): Promise<ServiceDescription>;
  /** Drops the cached document so the next `get` fetches again (done after an API 401 in `msa`). */
  invalidate(): void;
  /** The cached description without fetching, if any is still fresh. */
  peek(): ServiceDescription | undefined;
  /** The negotiated `MSA-Version` value once discovery has been read (`msa`); undefined otherwise. */
  version(): string | undefined;
}

interface Shared {
  promise: Promise<{ description: ServiceDescription; maxAgeSeconds: number }>;
}

/** Creates a discovery client (contract 2.2). Concurrent callers share one fetch. */
export function createDiscoveryClient(options: DiscoveryClientOptions): DiscoveryClient {
  const { config, transport, clock } = options;
  const logger = options.logger ?? silentLogger;
  const clientVersions = options.clientVersions ?? SDK_PROTOCOL_VERSIONS;
  let cached: { description: ServiceDescription; expiresAt: number } | undefined;
  let shared: Shared | undefined;
  let generation = 0;

  const fresh = () => (cached && clock.now() < cached.expiresAt ? cached.description : undefined);

  async function fetchDescription(signal: AbortSignal): Promise<{ description: ServiceDescription; maxAgeSeconds: number }> {
    const url = discoveryUrlFor(config);
    if (config.dialect === 'msa') {
      const response = await transport.request({ method: 'GET', url, auth: false, idempotent: true, signal });
      return { description: describeMsa(response.data, clientVersions), maxAgeSeconds: cacheMaxAgeSeconds(response.headers.get('cache-control')) };
    }
    try {
      const response = await transport.request({ method: 'GET', url, auth: false, idempotent: false, timeoutMs: EKA_DISCOVERY_TIMEOUT_MS, signal });
      return { description: describeDocument(parseDiscoveryDocument(response.data), undefined), maxAgeSeconds: cacheMaxAgeSeconds(response.headers.get('cache-control')) };
    } catch (error) {
      if (signal.aborted) throw error;
      // eka discovery is optional: production may not serve it. Defaults stand in and are cached like a real one.
      logger.debug('discovery unavailable; using built-in eka defaults', { reason: ScribeError.is(error) ? error.code : 'unknown' });
      return { description: ekaDefaultDescription(), maxAgeSeconds: DEFAULT_DISCOVERY_MAX_AGE_SECONDS };
    }
  }

  function start(): Shared {
    // On the lifetime, not on the first caller's signal: a caller giving up must not fail the others, nor the next
    // caller who would otherwise join a fetch that is being cancelled.
    const linked = linkSignals(options.lifetime);
    const startedGeneration = generation;
    const entry: Shared = { promise: fetchDescription(linked.signal) };
    entry.promise.then(
      ({ description, maxAgeSeconds }) => {
        // An invalidate() during the fetch means the answer may already be stale: use it once, do not cache it.
        if (startedGeneration === generation) cached = { description, expiresAt: clock.now() + maxAgeSeconds * 1000 };
      },
      () => undefined,
    ).finally(() => {
      linked.dispose();
      if (shared === entry) shared = undefined;
    });
    return entry;
  }

  async function get(getOptions: { signal?: AbortSignal } = {}): Promise<ServiceDescription> {
    const signal = getOptions.signal;
    throwIfAborted(signal);
    const hit = fresh();
    if (hit) return hit;
    const entry = (shared ??= start());
    return (await waitUnlessAborted(entry.promise, signal)).description;
  }

  return {
    get,
    invalidate: () => {
      cached = undefined;
      generation += 1;
    },
    peek: fresh,
    // A stale document's version is still the best value for the header until the refetch lands.
    version: () => cached?.description.version,
  };
}

// msa discovery is mandatory: a wrong protocol or a malformed document is an APIError from the parser, and a
// service sharing no version with the SDK fails here, before any session call.
function describeMsa(raw: unknown, clientVersions: readonly string[]): ServiceDescription {
  const discoveryDocument = parseDiscoveryDocument(raw);
  const version = negotiateProtocolVersion(discoveryDocument.supportedVersions, clientVersions);
  if (version === undefined) {
    throw new ValidationError(
      `No protocol version in common: the service supports ${discoveryDocument.supportedVersions.join(', ') || 'none'}, this SDK speaks ${clientVersions.join(', ')}.`,
      { serverCode: 'unsupported_version', details: { supported_versions: discoveryDocument.supportedVersions, client_versions: [...clientVersions] } },
    );
  }
  return describeDocument(discoveryDocument, version);
}
