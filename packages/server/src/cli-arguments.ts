import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseAccountsFile } from './auth/accounts.js';
import type { ServerOptions } from './options.js';
import { ENGINE_ARGUMENT_OPTIONS, ENGINE_USAGE, engineFromArguments } from './processing/engines/engine-arguments.js';
import { SERVER_VERSION } from './version.js';

/** The CLI's help text. */
export const USAGE = `scribe-server ${SERVER_VERSION}: a local MedScribeAlliance / EkaScribe-compatible service.

Usage: scribe-server [options]

  --port N                  TCP port (default 8787; 0 picks a free one)
  --host ADDR               interface to bind (default 127.0.0.1)
  --data-dir DIR            sessions, audio, secrets (default ./.scribe-data)
  --public-url URL          origin used in generated URLs (default: from each request's Host)
  --cors-origin ORIGIN      a browser origin allowed to call the server, HTTP and WebSocket (repeatable;
                            also SCRIBE_SERVER_CORS_ORIGINS, comma-separated; default: any origin, *)
  --accounts FILE           JSON accounts [{client_id, client_secret, business_id, api_keys, username?, password?}]
  --on-prem                 speak a self-hosted EkaScribe: password login at /connect-auth/v1/login, 403
                            {"detail":"missing_token"} on the client-credentials routes, UUID template ids,
                            {items} template lists, language_hint required, FastAPI {"detail"} errors
  --token-lifetime N        access-token lifetime in seconds (default 3600)
  --session-duration N      session lifetime in seconds (default 3600)
  --max-templates N         templates per session, transcript not counted (default 2)
  --long-poll N             seconds a GET of a processing session may be held, 0-14 (default 10)
  --rate-limit N            requests per minute per credential, 0 disables (default 600)
  --max-file-bytes N        largest audio file (default 104857600)
  --webhook-retry-base-ms N first webhook retry delay (default 1000)
  --webhook-allow-private   accept loopback and private-network webhook targets (link-local never)
  --webhook-max-per-business N  webhooks one business may register (default 20)
  --stream-max-frame-bytes N largest stream frame or media payload (default 1048576)
  --stream-max-speed N      stream audio at most N x real time, plus 10 s (default 8)
${ENGINE_USAGE}  --trust-jwt-payload       accept the jwt-payload dev header: any caller may act as any business
                            (loopback host and no accounts only; also SCRIBE_SERVER_TRUST_JWT_PAYLOAD=1)
  --no-jwt-payload          refuse the jwt-payload dev header (the default; wins over the variable)
  --test-knobs              enable fault injection and /__test__ routes
  --help, --version
`;

/** Parses `scribe-server` arguments into server options, or the request for help or the version. */
export async function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<(ServerOptions & { engineDescription?: string }) | 'help' | 'version'> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      accounts: { type: 'string' },
      'token-lifetime': { type: 'string' },
      'session-duration': { type: 'string' },
      'max-templates': { type: 'string' },
      'long-poll': { type: 'string' },
      'rate-limit': { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'webhook-retry-base-ms': { type: 'string' },
      'webhook-allow-private': { type: 'boolean' },
      'webhook-max-per-business': { type: 'string' },
      'stream-max-frame-bytes': { type: 'string' },
      'stream-max-speed': { type: 'string' },
      ...ENGINE_ARGUMENT_OPTIONS,
      'trust-jwt-payload': { type: 'boolean' },
      'no-jwt-payload': { type: 'boolean' },
      'on-prem': { type: 'boolean' },
      'test-knobs': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new TypeError(`--${name} must be a number ≥ 0, got ${JSON.stringify(value)}`);
    return parsed;
  };
  if (values['trust-jwt-payload'] && values['no-jwt-payload']) throw new TypeError('--trust-jwt-payload and --no-jwt-payload contradict each other');
  const trustJwtPayload = values['no-jwt-payload'] ? false : (values['trust-jwt-payload'] ?? env.SCRIBE_SERVER_TRUST_JWT_PAYLOAD === '1');
  const rateLimit = number('rate-limit', values['rate-limit']);
  const selected = engineFromArguments(values, env);
  const retryBase = number('webhook-retry-base-ms', values['webhook-retry-base-ms']);
  return {
    port: number('port', values.port) ?? 8787,
    host: values.host ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? '.scribe-data',
    publicUrl: values['public-url'],
    corsOrigins: corsOrigins(values['cors-origin'], env.SCRIBE_SERVER_CORS_ORIGINS),
    accounts: values.accounts ? parseAccountsFile(JSON.parse(await readFile(values.accounts, 'utf8'))) : undefined,
    tokenLifetimeSeconds: number('token-lifetime', values['token-lifetime']),
    sessionDurationSeconds: number('session-duration', values['session-duration']),
    maxTemplates: number('max-templates', values['max-templates']),
    longPollSeconds: number('long-poll', values['long-poll']),
    rateLimit: rateLimit === undefined ? undefined : rateLimit === 0 ? false : { limit: rateLimit, windowSeconds: 60 },
    maxFileBytes: number('max-file-bytes', values['max-file-bytes']),
    webhooks: {
      retryBaseMs: retryBase,
      allowPrivateTargets: values['webhook-allow-private'],
      maxPerBusiness: number('webhook-max-per-business', values['webhook-max-per-business']),
    },
    stream: { maxFrameBytes: number('stream-max-frame-bytes', values['stream-max-frame-bytes']), maxSpeed: number('stream-max-speed', values['stream-max-speed']) },
    trustJwtPayload,
    onPrem: values['on-prem'] ?? false,
    testKnobs: values['test-knobs'] ?? false,
    engine: selected.engine,
    engineDescription: selected.description,
    // The CLI prints its own start-up line on stdout (the one scripts wait for), so the log's copy is left out.
    log: (line) => {
      if (!line.startsWith('listening on ')) console.error(`[scribe-server] ${line}`);
    },
  };
}

/** `--cors-origin` values win over `SCRIBE_SERVER_CORS_ORIGINS` (comma-separated); neither → undefined (any origin). */
function corsOrigins(flags: string[] | undefined, variable: string | undefined): string[] | undefined {
  if (flags && flags.length > 0) return flags;
  const fromEnv = variable?.split(',').map((origin) => origin.trim()).filter(Boolean);
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}
