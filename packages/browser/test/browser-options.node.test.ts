import { describe, expect, it } from 'vitest';
import { createBrowserClient } from '../src/client/browser-client';
import { MODE_ADVICE, resolveBrowserOptions, type BrowserClientOptions } from '../src/client/browser-options';
import { resolveAssets } from '../src/vad/assets';

const PAGE = 'https://app.example.com/notes/new';
const getToken = async () => 'token';

function configError(options: BrowserClientOptions, pageUrl = PAGE): { code?: string; message: string } {
  try {
    resolveBrowserOptions(options, pageUrl);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a ConfigError');
}

describe('resolveBrowserOptions: exactly one way to reach the service', () => {
  it('relay mode: eka under the relay URL, a relative URL resolved against the page, trailing slashes dropped', () => {
    expect(resolveBrowserOptions({ relayUrl: '/api/scribe/' }, PAGE)).toEqual({
      mode: 'relay',
      settings: { dialect: 'eka', baseUrl: 'https://app.example.com/api/scribe', allowInsecure: true },
    });
    expect(resolveBrowserOptions({ relayUrl: new URL('https://relay.example.com/scribe'), defaultModel: 'pro' }, PAGE).settings).toEqual({
      dialect: 'eka',
      baseUrl: 'https://relay.example.com/scribe',
      allowInsecure: undefined,
      defaultModel: 'pro',
    });
  });

  it('relay mode: a same-origin http relay is allowed; a cross-origin http one is left to the secure-URL rule', () => {
    expect(resolveBrowserOptions({ relayUrl: '/api/scribe' }, 'http://intranet.local:8080/').settings.allowInsecure).toBe(true);
    expect(resolveBrowserOptions({ relayUrl: 'http://other.local/api' }, 'http://intranet.local:8080/').settings.allowInsecure).toBeUndefined();
  });

  it('token mode passes baseUrl, dialect and discovery through; secret mode only with dangerouslyAllowBrowser', () => {
    expect(resolveBrowserOptions({ getToken, baseUrl: 'https://scribe.example.com', dialect: 'msa' })).toEqual({
      mode: 'token',
      settings: { baseUrl: 'https://scribe.example.com', dialect: 'msa' },
    });
    expect(resolveBrowserOptions({ apiKey: 'k', dangerouslyAllowBrowser: true, env: 'dev' })).toEqual({
      mode: 'secret',
      settings: { env: 'dev', apiKey: 'k', clientId: undefined, clientSecret: undefined },
    });
  });

  it.each<[string, BrowserClientOptions, RegExp]>([
    ['no mode', {}, /^createBrowserClient needs a way to reach the service\./],
    ['relay and token', { relayUrl: '/r', getToken }, /more than one way to reach the service \(relay, token\); choose one\./],
    ['token and secret', { getToken, apiKey: 'k', dangerouslyAllowBrowser: true }, /\(token, secret\)/],
    ['relay with baseUrl', { relayUrl: '/r', baseUrl: 'https://x.example.com' }, /^baseUrl cannot be combined with relayUrl/],
    ['relay with dialect and env', { relayUrl: '/r', dialect: 'msa', env: 'dev' }, /^dialect, env cannot be combined with relayUrl/],
    ['relay with dangerouslyAllowBrowser', { relayUrl: '/r', dangerouslyAllowBrowser: true }, /no secret reaches the browser in relay mode/],
    ['headers outside relay mode', { getToken, headers: { 'X-CSRF': '1' } }, /^headers is for relay mode only/],
    ['authBaseUrl in token mode', { getToken, authBaseUrl: 'https://auth.example.com' }, /getToken mode never logs in/],
    ['an apiKey without dangerouslyAllowBrowser', { apiKey: 'k' }, /^Refusing to use an API key or client secret in a browser/],
    ['a clientId alone', { clientId: 'id' }, /^Refusing to use an API key or client secret in a browser/],
  ])('%s: ConfigError', (_name, options, message) => {
    expect(configError(options)).toMatchObject({ code: 'config_error', message: expect.stringMatching(message) });
  });

  it('no-mode and two-mode errors end with the advice naming all three modes', () => {
    expect(configError({}).message.endsWith(MODE_ADVICE)).toBe(true);
    expect(MODE_ADVICE).toMatch(/relayUrl.*getToken.*dangerouslyAllowBrowser: true/);
  });

  it('a relative relay URL without a page to resolve against is a ConfigError', () => {
    expect(() => resolveBrowserOptions({ relayUrl: '/api/scribe' })).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/needs a page to resolve against/) }));
  });
});

describe('relay mode on the wire: no service credential, the app\'s headers, fetch credentials', () => {
  it('calls R/v1/... with credentials same-origin, the headers callback and no Authorization or X-API-Key', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    let headerCalls = 0;
    const client = createBrowserClient({
      relayUrl: 'https://app.example.com/api/scribe',
      headers: () => ({ 'X-CSRF-Token': `csrf-${++headerCalls}` }),
      fetch: async (input, init) => {
        seen.push({ url: String(input instanceof Request ? input.url : input), init });
        return Response.json([{ id: 'clinical_notes_template', name: 'Clinical notes' }]);
      },
    });
    expect(client.mode).toBe('relay');
    expect(client.config).toMatchObject({ dialect: 'eka', baseUrl: 'https://app.example.com/api/scribe' });
    await client.templates.list();
    await client.close();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('https://app.example.com/api/scribe/v1/templates');
    expect(seen[0]!.init?.credentials).toBe('same-origin');
    const headers = new Headers(seen[0]!.init?.headers);
    expect(headers.get('x-csrf-token')).toBe('csrf-1');
    expect(headers.has('authorization')).toBe(false);
    expect(headers.has('x-api-key')).toBe(false);
    expect(headers.has('user-agent')).toBe(false);
  });

  it('credentials: include is passed to every call', async () => {
    const seen: (RequestCredentials | undefined)[] = [];
    const client = createBrowserClient({
      relayUrl: 'https://relay.example.com/scribe',
      credentials: 'include',
      fetch: async (_input, init) => (seen.push(init?.credentials), Response.json([])),
    });
    await client.templates.list();
    await client.close();
    expect(seen).toEqual(['include']);
  });
});

describe('resolveAssets: one directory for the model and the ONNX runtime', () => {
  it('assetBaseUrl with or without a trailing slash, relative to the page', () => {
    const expected = {
      modelUrl: 'https://cdn.example.com/scribe/silero_vad_v5.onnx',
      wasmPaths: { wasm: 'https://cdn.example.com/scribe/ort-wasm-simd-threaded.wasm', mjs: 'https://cdn.example.com/scribe/ort-wasm-simd-threaded.mjs' },
    };
    expect(resolveAssets('https://cdn.example.com/scribe')).toEqual(expected);
    expect(resolveAssets(new URL('https://cdn.example.com/scribe/'))).toEqual(expected);
  });

  it('the default is beside the module (dist/ once built)', () => {
    const { modelUrl, wasmPaths } = resolveAssets();
    expect(modelUrl).toBe(new URL('../src/vad/silero_vad_v5.onnx', import.meta.url).href);
    expect(wasmPaths.wasm).toBe(new URL('../src/vad/ort-wasm-simd-threaded.wasm', import.meta.url).href);
  });

  it('an empty assetBaseUrl is a ConfigError', () => {
    expect(() => resolveAssets('')).toThrow(/assetBaseUrl must not be empty/);
  });
});
