import { isIP } from 'node:net';
import { readJsonFile } from '../store/file-layout.js';

/** An account that can log in and own sessions (contract 1.6). */
export interface AccountConfig {
  clientId: string;
  clientSecret: string;
  businessId: string;
  apiKeys?: readonly string[];
  /** Username for the on-prem password login (`onPrem`). */
  username?: string;
  /** Its password (a secret, like `clientSecret`). */
  password?: string;
}

/** The account that exists when none is configured on a loopback bind. */
export const DEV_ACCOUNT: AccountConfig = {
  clientId: 'local-dev-client',
  clientSecret: 'local-dev-secret',
  businessId: 'b_local_dev',
  apiKeys: ['sk_test_local_dev'],
  username: 'local-dev-user',
  password: 'local-dev-password',
};

/** Looks accounts up by client id and by API key. */
export class AccountDirectory {
  private readonly byClient = new Map<string, AccountConfig>();
  private readonly byKey = new Map<string, AccountConfig>();
  private readonly byUsername = new Map<string, AccountConfig>();

  constructor(readonly accounts: readonly AccountConfig[]) {
    for (const account of accounts) {
      if (this.byClient.has(account.clientId)) throw new TypeError(`duplicate client id ${account.clientId}`);
      this.byClient.set(account.clientId, account);
      if (account.username !== undefined) {
        if (this.byUsername.has(account.username)) throw new TypeError(`duplicate username ${account.username}`);
        this.byUsername.set(account.username, account);
      }
      for (const key of account.apiKeys ?? []) {
        if (this.byKey.has(key)) throw new TypeError('the same API key is configured for two accounts');
        this.byKey.set(key, account);
      }
    }
  }

  /** The account with this client id. */
  findByClientId(clientId: string): AccountConfig | undefined {
    return this.byClient.get(clientId);
  }

  /** The account with this username (on-prem password login). */
  findByUsername(username: string): AccountConfig | undefined {
    return this.byUsername.get(username);
  }

  /** The account owning this API key. */
  findByApiKey(key: string): AccountConfig | undefined {
    return this.byKey.get(key);
  }
}

/** True for `localhost`, 127.0.0.0/8 and `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * Accounts in force: the configured ones, else `accounts.json` in the data directory, else the dev account when the
 * server binds a loopback interface (an exposed server never gets well-known credentials by accident).
 */
export async function resolveAccounts(configured: readonly AccountConfig[] | undefined, accountsFile: string | undefined, host: string): Promise<ResolvedAccounts> {
  if (configured && configured.length > 0) return { accounts: [...configured], source: 'configured' };
  if (accountsFile) {
    const fromFile = await readJsonFile(accountsFile);
    if (fromFile !== undefined) return { accounts: parseAccountsFile(fromFile), source: 'file' };
  }
  return isLoopbackHost(host) ? { accounts: [DEV_ACCOUNT], source: 'dev' } : { accounts: [], source: 'none' };
}

/** The accounts in force and where they came from. */
export interface ResolvedAccounts {
  accounts: AccountConfig[];
  /** `configured` (option or `--accounts`), `file` (`accounts.json` in the data dir), `dev` (the dev account) or `none`. */
  source: 'configured' | 'file' | 'dev' | 'none';
}

/**
 * Parses an accounts file: an array (or `{accounts: [...]}`) of objects in snake_case or camelCase; `username` and
 * `password` (both or neither) enable the on-prem password login for an account.
 */
export function parseAccountsFile(value: unknown): AccountConfig[] {
  const list = Array.isArray(value) ? value : (value as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(list)) throw new TypeError('accounts file must be an array of accounts');
  return list.map((item: Record<string, unknown>, position) => {
    const clientId = item.client_id ?? item.clientId;
    const clientSecret = item.client_secret ?? item.clientSecret;
    const businessId = item.business_id ?? item.businessId;
    const apiKeys = item.api_keys ?? item.apiKeys ?? [];
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof businessId !== 'string') {
      throw new TypeError(`account ${position}: client_id, client_secret and business_id must be strings`);
    }
    if (!Array.isArray(apiKeys) || !apiKeys.every((key) => typeof key === 'string')) {
      throw new TypeError(`account ${position}: api_keys must be an array of strings`);
    }
    const { username, password } = item;
    if ((username === undefined) !== (password === undefined) || (username !== undefined && (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === ''))) {
      throw new TypeError(`account ${position}: username and password must both be non-empty strings, or both be absent`);
    }
    return { clientId, clientSecret, businessId, apiKeys, ...(typeof username === 'string' ? { username, password: password as string } : {}) };
  });
}
