import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock';
import { createLoginTokenCache } from './login-token-cache';
import type { TokenState } from './token-state';

const token = (name: string, staleAt: number): TokenState => ({ accessToken: `access-${name}`, refreshToken: `refresh-${name}`, expiresAt: staleAt * 2, staleAt });

describe('createLoginTokenCache', () => {
  it('renews once for concurrent callers, then reuses the token until it is stale', async () => {
    const clock = createManualClock();
    const renewals: (TokenState | undefined)[] = [];
    const cache = createLoginTokenCache(clock, async (current) => {
      renewals.push(current);
      return cache.keep(token(String(renewals.length), clock.now() + 1000));
    });
    const first = await Promise.all([cache.headers(), cache.headers(), cache.headers()]);
    expect(first).toEqual(Array.from({ length: 3 }, () => ({ Authorization: 'Bearer access-1' })));
    await clock.advance(999);
    expect(await cache.headers()).toEqual({ Authorization: 'Bearer access-1' });
    await clock.advance(1);
    expect(await cache.headers()).toEqual({ Authorization: 'Bearer access-2' });
    // The stale token is handed to the renewal (a refresh needs it).
    expect(renewals.map((current) => current?.accessToken)).toEqual([undefined, 'access-1']);
  });

  it('drops only the token a 401 rejected, and remembers the last 16 distinct tokens', async () => {
    const clock = createManualClock();
    let count = 0;
    const cache = createLoginTokenCache(clock, async () => cache.keep(token(String(++count), 1000)));
    await cache.headers();
    expect(await cache.onUnauthorized({ rejectedHeaders: { Authorization: 'Bearer access-0' } })).toBe(true);
    expect(await cache.headers()).toEqual({ Authorization: 'Bearer access-1' });
    await cache.onUnauthorized({ rejectedHeaders: { Authorization: 'Bearer access-1' } });
    expect(await cache.headers()).toEqual({ Authorization: 'Bearer access-2' });
    cache.keep(token('2', 1000));
    expect(cache.remembered).toEqual(['access-1', 'refresh-1', 'access-2', 'refresh-2']);
    for (let i = 3; i <= 10; i += 1) cache.keep(token(String(i), 1000));
    expect(cache.remembered).toHaveLength(16);
    expect(cache.remembered[0]).toBe('access-3');
    expect(cache.businessId()).toBeUndefined();
  });
});
