import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import type { AuthProvider } from './auth-provider';
import { createLazyAuthProvider } from './lazy-auth-provider';

const implementation: AuthProvider = {
  mode: 'bearer',
  headers: async () => ({ authorization: 'Bearer t0ken-SENTINEL' }),
  onUnauthorized: async () => true,
  secrets: () => ['t0ken-SENTINEL'],
  advice: () => 'check the token',
  businessId: () => 'b-1',
};

describe('createLazyAuthProvider', () => {
  it('loads the implementation once, on the first call, then delegates everything to it', async () => {
    let loads = 0;
    const provider = createLazyAuthProvider({ mode: 'password', load: async () => (loads++, implementation), secrets: ['configured-SECRET', undefined], businessId: () => 'b-configured' });
    expect(loads).toBe(0);
    expect(provider.mode).toBe('password');
    expect(provider.secrets()).toEqual(['configured-SECRET']);
    expect(provider.businessId()).toBe('b-configured');
    await Promise.all([provider.headers(), provider.headers()]);
    expect(loads).toBe(1);
    expect(await provider.headers()).toEqual({ authorization: 'Bearer t0ken-SENTINEL' });
    expect(await provider.onUnauthorized()).toBe(true);
    expect(provider.mode).toBe('bearer');
    expect(provider.secrets()).toEqual(['t0ken-SENTINEL']);
    expect(provider.advice?.()).toBe('check the token');
    expect(provider.businessId()).toBe('b-1');
  });

  it('turns a failed import into a ConfigError that says to reload, and tries again on the next call', async () => {
    let attempts = 0;
    const provider = createLazyAuthProvider({
      mode: 'client-credentials',
      load: async () => {
        attempts++;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return implementation;
      },
    });
    const failure = await provider.headers().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toMatch(/code of the client-credentials auth mode could not be loaded.*reload the page/);
    expect(await provider.headers()).toEqual({ authorization: 'Bearer t0ken-SENTINEL' });
    expect(attempts).toBe(2);
  });
});
