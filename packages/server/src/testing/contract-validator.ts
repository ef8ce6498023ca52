import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DISCOVERY_DOC_ID, findSpecDirectory, loadContractDocuments, SERVER_DOC_ID, SERVER_SCHEMAS, SESSIONS_DOC_ID } from './contract-schemas.js';

/** Names accepted by `validateSchema`: protocol components, plus the server's own shapes. */
export type ContractSchemaName =
  | 'DiscoveryResponse'
  | 'ErrorResponse'
  | 'CreateSessionRequest'
  | 'CreateSessionResponse'
  | 'SessionProcessingResponse'
  | 'SessionCompletedResponse'
  | 'SessionPartialResponse'
  | 'EndSessionRequest'
  | 'EndSessionResponse'
  | 'ExpiredSessionResponse'
  | 'TemplateResult'
  | 'UploadAudioResponse'
  | 'TemplatesListResponse'
  | 'TokenResponse'
  | 'LoginRequest'
  | 'RefreshRequest'
  | 'ProcessTemplateResponse'
  | 'WebhookRequest'
  | 'WebhookResponse'
  | 'WebhookListResponse'
  | 'WebhookPayload'
  | 'ErrorEnvelope'
  | 'HealthResponse';

/** The verdict of one validation; `schema` is undefined when nothing applies (e.g. a 204, an unknown route). */
export interface ContractValidation {
  valid: boolean;
  schema: ContractSchemaName | undefined;
  errors: string[];
}

/** An exchange to check: the path may be a full URL or a pathname, with any base prefix. */
export interface ContractExchange {
  method: string;
  path: string;
  status?: number;
  body: unknown;
}

/** Thrown by the `assert*` methods. */
export class ContractViolationError extends Error {
  readonly errors: string[];

  constructor(subject: string, errors: string[]) {
    super(`${subject} violates the contract:\n  ${errors.join('\n  ')}`);
    this.name = 'ContractViolationError';
    this.errors = errors;
  }
}

/** Validates bodies against the protocol's OpenAPI schemas with the exceptions of contract 2.9. */
export interface ContractValidator {
  /** Validates a value against one named schema. */
  validateSchema(name: ContractSchemaName, value: unknown): ContractValidation;
  /** Picks the request schema from method and path (create, end, webhooks, login, refresh). */
  validateRequest(exchange: ContractExchange): ContractValidation;
  /** Picks the response schema from method, path and status; every status ≥ 400 must be the error envelope. */
  validateResponse(exchange: ContractExchange & { status: number }): ContractValidation;
  /** Throws `ContractViolationError` unless valid. */
  assertSchema(name: ContractSchemaName, value: unknown): void;
  /** Throws `ContractViolationError` unless the request body is valid. */
  assertRequest(exchange: ContractExchange): void;
  /** Throws `ContractViolationError` unless the response body is valid. */
  assertResponse(exchange: ContractExchange & { status: number }): void;
  /** The schema `validateResponse` would use, if any. */
  responseSchemaFor(method: string, path: string, status: number): ContractSchemaName | undefined;
}

const SERVER_NAMES = new Set(Object.keys((SERVER_SCHEMAS.$defs as object) ?? {}));

/** Options of `createContractValidator`. */
export interface ContractValidatorOptions {
  /** Directory holding `sessions.openapi.json` and `discovery_endpoint.schema.json`. Default: the package's `spec/`. */
  specDir?: string;
}

/** Loads `spec/*.json` and returns a validator (compile once per test file: it takes ~100 ms). */
export function createContractValidator(options: ContractValidatorOptions = {}): ContractValidator {
  const { sessions, discovery } = loadContractDocuments(findSpecDirectory(options.specDir));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(sessions);
  ajv.addSchema(discovery);
  ajv.addSchema(SERVER_SCHEMAS);

  const refFor = (name: ContractSchemaName): string => {
    if (SERVER_NAMES.has(name)) return `${SERVER_DOC_ID}#/$defs/${name}`;
    if (name === 'DiscoveryResponse' || name === 'ErrorResponse') return `${DISCOVERY_DOC_ID}#/components/schemas/${name}`;
    return `${SESSIONS_DOC_ID}#/components/schemas/${name}`;
  };
  const validateSchema = (name: ContractSchemaName, value: unknown): ContractValidation => {
    const validate = ajv.getSchema(refFor(name));
    if (!validate) throw new Error(`unknown contract schema ${name}`);
    const valid = validate(value) as boolean;
    const errors = valid ? [] : (validate.errors ?? []).map((error) => `${name}${error.instancePath || ''} ${error.message ?? 'is invalid'} ${formatParams(error.params)}`.trim());
    return { valid, schema: name, errors };
  };
  const none: ContractValidation = { valid: true, schema: undefined, errors: [] };
  const validator: ContractValidator = {
    validateSchema,
    validateRequest: ({ method, path, body }) => {
      const name = requestSchemaFor(method, pathnameOf(path));
      return name && body !== undefined ? validateSchema(name, body) : none;
    },
    validateResponse: ({ method, path, status, body }) => {
      const name = responseSchemaFor(method, pathnameOf(path), status);
      if (name) return validateSchema(name, body);
      return status === 204 && body !== undefined && body !== '' ? { valid: false, schema: undefined, errors: ['204 must have no body'] } : none;
    },
    assertSchema: (name, value) => throwIfInvalid(`${name} body`, validateSchema(name, value)),
    assertRequest: (exchange) => throwIfInvalid(`${exchange.method} ${exchange.path} request`, validator.validateRequest(exchange)),
    assertResponse: (exchange) => throwIfInvalid(`${exchange.method} ${exchange.path} → ${exchange.status}`, validator.validateResponse(exchange)),
    responseSchemaFor: (method, path, status) => responseSchemaFor(method, pathnameOf(path), status),
  };
  return validator;
}

function requestSchemaFor(method: string, path: string): ContractSchemaName | undefined {
  const upper = method.toUpperCase();
  if (upper === 'POST' && /\/sessions$/.test(path)) return 'CreateSessionRequest';
  if (upper === 'POST' && /\/sessions\/[^/]+\/end$/.test(path)) return 'EndSessionRequest';
  if (upper === 'POST' && /\/webhooks$/.test(path)) return 'WebhookRequest';
  if (upper === 'POST' && /\/connect-auth\/v1\/account\/login$/.test(path)) return 'LoginRequest';
  if (upper === 'POST' && /\/connect-auth\/v1\/account\/refresh(-token)?$/.test(path)) return 'RefreshRequest';
  return undefined;
}

const SESSION_BODY_BY_STATUS: Record<number, ContractSchemaName> = {
  200: 'SessionCompletedResponse',
  202: 'SessionProcessingResponse',
  206: 'SessionPartialResponse',
  410: 'ExpiredSessionResponse',
};

function responseSchemaFor(method: string, path: string, status: number): ContractSchemaName | undefined {
  const upper = method.toUpperCase();
  const isSessionPath = /\/sessions\/[^/]+$/.test(path);
  if (upper === 'GET' && isSessionPath) return SESSION_BODY_BY_STATUS[status] ?? (status >= 400 ? 'ErrorEnvelope' : undefined);
  if (status >= 400) return path.endsWith('/.well-known/medscribealliance') ? 'ErrorResponse' : 'ErrorEnvelope';
  if (upper === 'GET' && path.endsWith('/.well-known/medscribealliance')) return 'DiscoveryResponse';
  if (upper === 'GET' && path === '/health') return 'HealthResponse';
  if (upper === 'POST' && /\/connect-auth\/v1\/account\/(login|refresh|refresh-token)$/.test(path)) return 'TokenResponse';
  if (upper === 'GET' && /\/templates$/.test(path)) return 'TemplatesListResponse';
  if (upper === 'POST' && /\/sessions$/.test(path)) return 'CreateSessionResponse';
  // A PATCH answers the body of an open session, which has the in-progress shape.
  if (upper === 'PATCH' && isSessionPath) return 'SessionProcessingResponse';
  if (upper === 'POST' && /\/sessions\/[^/]+\/end$/.test(path)) return 'EndSessionResponse';
  if ((upper === 'POST' || upper === 'PUT') && /\/sessions\/[^/]+\/audio(\/[^/]+)?$/.test(path)) return 'UploadAudioResponse';
  if (upper === 'POST' && /\/sessions\/[^/]+\/process\/template(\/[^/]+)?$/.test(path)) return 'ProcessTemplateResponse';
  if (upper === 'POST' && /\/webhooks$/.test(path)) return 'WebhookResponse';
  if (upper === 'GET' && /\/webhooks$/.test(path)) return 'WebhookListResponse';
  return undefined;
}

function pathnameOf(path: string): string {
  const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? new URL(path).pathname : (path.split('?')[0] ?? path);
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

function formatParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params ?? {});
  return entries.length === 0 ? '' : `(${entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')})`;
}

function throwIfInvalid(subject: string, result: ContractValidation): void {
  if (!result.valid) throw new ContractViolationError(subject, result.errors);
}
