import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AccountDirectory, resolveAccounts } from './auth/accounts.js';
import { TokenService } from './auth/token-service.js';
import { JWT_PAYLOAD_WITH_ACCOUNTS, type ResolvedOptions } from './options.js';
import { ProcessingPipeline } from './processing/pipeline.js';
import { sweepExpired, type SessionDependencies } from './sessions/session-access.js';
import { FileLayout } from './store/file-layout.js';
import { SessionStore } from './store/session-store.js';
import { WebhookDispatcher } from './webhooks/delivery.js';
import { WebhookRegistry } from './webhooks/registry.js';

/** The long-lived services of one server instance, loaded from its data directory. */
export interface ServerState {
  dataDir: string;
  /** Where the data directory's files are. */
  layout: FileLayout;
  /** True when the directory is a temporary one that `close` deletes. */
  ownsDataDir: boolean;
  accounts: AccountDirectory;
  tokens: TokenService;
  registry: WebhookRegistry;
  webhooks: WebhookDispatcher;
  store: SessionStore;
  pipeline: ProcessingPipeline;
  sessions: SessionDependencies;
}

/** Opens the data directory (a fresh temporary one when none is configured) and loads everything stored there. */
export async function openServerState(options: ResolvedOptions): Promise<ServerState> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'scribe-server-')) : resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const layout = new FileLayout(dataDir);
  const resolved = await resolveAccounts(options.accounts, layout.accountsFile, options.host);
  if (options.trustJwtPayload && resolved.source === 'file') throw new TypeError(`${JWT_PAYLOAD_WITH_ACCOUNTS} (${layout.accountsFile})`);
  const accounts = new AccountDirectory(resolved.accounts);
  const lifetimes = { accessSeconds: options.tokenLifetimeSeconds, refreshSeconds: options.refreshTokenLifetimeSeconds };
  const tokens = await TokenService.open(layout, lifetimes, options.now);
  const registry = await WebhookRegistry.open(layout.webhooksFile);
  const webhooks = new WebhookDispatcher(registry, options.webhooks, options.now, options.log);
  const store = new SessionStore(layout, options.log);
  await store.removeTemporaryFiles();
  // What a crashed run left in the scratch space (half-received uploads, a recogniser's copy of the audio) goes.
  await rm(layout.tmpDir, { recursive: true, force: true });
  await mkdir(layout.tmpDir, { recursive: true, mode: 0o700 });
  await store.load();
  const emit: SessionDependencies['emit'] = (record, event) => webhooks.emit(record.businessId, record.sessionId, event);
  const pipeline = new ProcessingPipeline({
    store,
    engine: options.engine,
    catalogue: options.templates,
    maxChunkSeconds: options.maxChunkSeconds,
    workDir: layout.tmpDir,
    now: options.now,
    emit,
    log: options.log,
  });
  const sessions: SessionDependencies = { options, store, emit, startProcessing: (record) => pipeline.start(record) };
  return { dataDir, layout, ownsDataDir, accounts, tokens, registry, webhooks, store, pipeline, sessions };
}

/**
 * Catches up after a restart: expires sessions whose time ran out while the server was down and re-runs processing
 * that a stop interrupted (its `pendingRun` was saved before it began).
 */
export async function resumeAfterRestart(state: ServerState, log: (line: string) => void): Promise<void> {
  await sweepExpired(state.sessions);
  for (const record of state.store.all()) {
    if (record.status !== 'processing') continue;
    log(`resuming processing of ${record.sessionId}`);
    state.pipeline.start(record);
  }
}
