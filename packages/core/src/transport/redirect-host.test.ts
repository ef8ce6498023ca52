import { describe, expect, it } from 'vitest';
import { redirectHost } from './redirect-host';

describe('redirectHost', () => {
  it('names the host only, a relative Location resolved against the request', () => {
    expect(redirectHost('https://elsewhere.example:8443/login?token=secret', 'https://api.example/auth')).toBe('elsewhere.example:8443');
    expect(redirectHost('/other/path?token=secret', 'https://api.example/auth')).toBe('api.example');
  });

  it('says so when the Location is missing or not a URL', () => {
    expect(redirectHost(null, 'https://api.example/')).toBe('an unnamed location');
    expect(redirectHost(undefined, 'https://api.example/')).toBe('an unnamed location');
    expect(redirectHost('http://[bad', 'https://api.example/')).toBe('an unparseable location');
  });
});
