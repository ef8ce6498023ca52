import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { resolveConfig } from '../config/resolve-config';
import type { ScribeOptions } from '../config/scribe-options';
import { authRequestTimeoutMs } from './auth-request-timeout';
import { loginModeFromDiscovery } from './discovered-auth';
import { selectAuthProvider } from './select-auth-provider';

const BASE = { baseUrl: 'http://127.0.0.1:9' } satisfies ScribeOptions;
const mode = (options: ScribeOptions) => selectAuthProvider(resolveConfig({ explicit: { ...BASE, ...options } })).mode;

describe('selectAuthProvider with password login (issue 14 item 1)', () => {
  it('infers password mode from a username and a password, ahead of client credentials', () => {
    expect(mode({ username: 'u', password: 'p' })).toBe('password');
    expect(mode({ username: 'u', clientId: 'c', clientSecret: 's' })).toBe('client-credentials');
  });

  it('an explicit authMode wins over whatever else is configured', () => {
    expect(mode({ authMode: 'client-credentials', username: 'u', password: 'p', clientId: 'c', clientSecret: 's' })).toBe('client-credentials');
    expect(mode({ authMode: 'password', username: 'u', password: 'p', apiKey: 'k' })).toBe('password');
  });

  it('authMode "password" with only a username reports the missing password at the first call', async () => {
    const provider = selectAuthProvider(resolveConfig({ explicit: { ...BASE, authMode: 'password', username: 'u' } }));
    expect(provider.mode).toBe('none');
    const error = await provider.headers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('SCRIBE_USERNAME is set but SCRIBE_PASSWORD is not');
    expect((error as Error).message).toContain('never a config file');
  });

  it('the password is one of the provider\'s secrets, so every error redacts it', () => {
    const provider = selectAuthProvider(resolveConfig({ explicit: { ...BASE, username: 'u', password: 'hunter2-SENTINEL' } }));
    expect(provider.secrets?.()).toContain('hunter2-SENTINEL');
  });
});

describe('loginModeFromDiscovery (issue 14 item 1: selection by discovery)', () => {
  it('reads the login a discovery document advertises', () => {
    expect(loginModeFromDiscovery({ authentication: { supported_methods: ['password'] } })).toBe('password');
    expect(loginModeFromDiscovery({ extensions: { password_login: { login_url: 'http://127.0.0.1:9/connect-auth/v1/login' } } })).toBe('password');
    expect(loginModeFromDiscovery({ authentication: { supported_methods: ['api_key'] }, extensions: { client_credentials: { login_url: 'x' } } })).toBe('client-credentials');
    expect(loginModeFromDiscovery({ authentication: { supported_methods: ['api_key'] } })).toBeUndefined();
    expect(loginModeFromDiscovery('<html>')).toBeUndefined();
  });
});

describe('authRequestTimeoutMs (issue 11 item 13)', () => {
  it('is the contract\'s 30 s unless the caller set requestTimeout, then exactly that', () => {
    expect(authRequestTimeoutMs(resolveConfig({ explicit: BASE }))).toBe(30_000);
    expect(authRequestTimeoutMs(resolveConfig({ explicit: { ...BASE, requestTimeout: 5 } }))).toBe(5_000);
    expect(authRequestTimeoutMs(resolveConfig({ explicit: { ...BASE, requestTimeout: 90 } }))).toBe(90_000);
    expect(authRequestTimeoutMs(resolveConfig({ env: { SCRIBE_REQUEST_TIMEOUT: '60' } }))).toBe(60_000);
  });
});
