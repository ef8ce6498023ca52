import { describe, expect, it } from 'vitest';
import { cacheMaxAgeSeconds } from './cache-max-age';

describe('cacheMaxAgeSeconds', () => {
  it('[#5] reads max-age, defaults to 3600, and honours no-store/no-cache', () => {
    expect(cacheMaxAgeSeconds('max-age=3600')).toBe(3600);
    expect(cacheMaxAgeSeconds('public, MAX-AGE=120')).toBe(120);
    expect(cacheMaxAgeSeconds(undefined)).toBe(3600);
    expect(cacheMaxAgeSeconds('public')).toBe(3600);
    expect(cacheMaxAgeSeconds('no-store')).toBe(0);
    expect(cacheMaxAgeSeconds('max-age=10800')).toBe(10800);
  });
});
