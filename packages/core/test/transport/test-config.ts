import type { ScribeConfig } from '../../src/config/scribe-config';
import { createTestConfig } from '../../src/testing/test-config';

/** A resolved `eka` configuration pointing at a local server, with no credentials unless `overrides` add some. */
export function testConfig(origin: string, overrides: Partial<ScribeConfig> = {}): ScribeConfig {
  return createTestConfig({
    baseUrl: origin,
    authBaseUrl: origin,
    clientId: undefined,
    clientSecret: undefined,
    apiKey: undefined,
    accessToken: undefined,
    jwtPayload: undefined,
    allowInsecure: true,
    ...overrides,
  });
}
