import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forwardedContentType, isSafeFileName } from '../../src/relay/audio-upload-checks';
import { pickCreateFields } from '../../src/relay/create-session-fields';
import { readCappedBody } from '../../src/relay/read-capped-body';
import { relayDiscoveryDocument } from '../../src/relay/relay-discovery-document';
import { matchRelayRoute } from '../../src/relay/relay-routes';
import { rewriteSessionBody } from '../../src/relay/rewrite-session-body';
import { createSessionHandles } from '../../src/relay/session-handle';

const SECRET = new TextEncoder().encode('k'.repeat(32));

describe('relay building blocks', () => {
  it('handles: the documented format, bound to user and secret, one spelling per id', () => {
    const handles = createSessionHandles(SECRET);
    const handle = handles.sign('alice', 'ses_abc');
    const mac = createHmac('sha256', SECRET).update('alice\nses_abc').digest('base64url').slice(0, 22);
    expect(handle).toBe(`rs1.${Buffer.from('ses_abc').toString('base64url')}.${mac}`);
    expect(handle).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(handles.open('alice', handle)).toBe('ses_abc');
    expect(handles.open('bob', handle)).toBeUndefined();
    expect(createSessionHandles(new TextEncoder().encode('j'.repeat(32))).open('alice', handle)).toBeUndefined();
    // "alice\nses" + "_abc" would MAC the same bytes as "alice" + "ses_abc" only with a line break in the user id,
    // which the relay refuses before it gets here; ids that re-encode differently are refused here.
    const [, id, tag] = handle.split('.') as [string, string, string];
    expect(handles.open('alice', `rs1.${id.slice(0, -1)}${id.endsWith('w') ? 'x' : 'w'}.${tag}`)).toBeUndefined();
    expect(handles.open('alice', `rs1.${id}.${tag}x`)).toBeUndefined();
    expect(handles.open('alice', '')).toBeUndefined();
  });

  it('routes: exactly the six operations, under a given or derived mount', () => {
    expect(matchRelayRoute('/api/scribe/v1/sessions/h1/audio/chunk_0.wav', '/api/scribe')).toEqual({ name: 'audio', mount: '/api/scribe', handle: 'h1', fileName: 'chunk_0.wav' });
    expect(matchRelayRoute('/api/scribe/v1/sessions/h1/audio/chunk%200.wav', '/api/scribe')?.fileName).toBe('chunk 0.wav');
    expect(matchRelayRoute('/x/v1/sessions/h1/end', undefined)).toEqual({ name: 'end', mount: '/x', handle: 'h1' });
    expect(matchRelayRoute('/v1/.well-known/medscribealliance', '')?.name).toBe('discovery');
    expect(matchRelayRoute('/a/v1/b/v1/templates', undefined)).toEqual({ name: 'templates', mount: '/a/v1/b' });
    for (const path of ['/api/scribe/v1/sessions/h1/audio', '/api/scribe/v1/sessions/h1/end/x', '/api/scribe/v1/webhooks', '/api/scribe/v1/sessions/%E0%A4%A', '/api/scribe/v1/sessions//end', '/other/v1/templates', '/api/scribev1/templates']) {
      expect(matchRelayRoute(path, '/api/scribe'), path).toBeUndefined();
    }
  });

  it('bodies: create fields picked with protocol defaults; session bodies rewritten; discovery stripped of credentials', () => {
    expect(pickCreateFields({ templates: ['t'], upload_type: 'stream', session_id: 'x', webhook_url: 'u' })).toEqual({ templates: ['t'], upload_type: 'stream', communication_protocol: 'websocket' });
    const body = { session_id: 'ses_1', upload_url: 'http://svc/v1/sessions/ses_1/audio', message: 'ses_1 ended', details: { ses_1: ['ses_1'] } };
    expect(rewriteSessionBody(body, 'ses_1', 'H', 'https://app/r')).toEqual({ session_id: 'H', upload_url: 'https://app/r/v1/sessions/H/audio', message: 'H ended', details: { H: ['H'] } });
    const stream = { session_id: 'ses_1', upload_url: 'wss://svc/v1/stream/sessions/ses_1/audio' };
    expect(rewriteSessionBody(stream, 'ses_1', 'H', 'https://app/r')).toEqual({ session_id: 'H', upload_url: stream.upload_url });
    const document = relayDiscoveryDocument(
      {
        protocol: 'medscribealliance',
        endpoints: { base_url: 'https://svc/v1', webhooks_url: 'https://svc/v1/webhooks', token_endpoint: 'https://idp/token' },
        authentication: { supported_methods: ['api_key', 'oidc'], oidc: { issuer: 'https://idp' } },
        capabilities: { webhook_delivery: true, upload_methods: ['chunked', 'stream'] },
        extensions: { client_credentials: { login_url: 'https://svc/login' }, partner_token_exchange: {}, session_fields: ['session_mode', 'session_id'], session_patch: true, stream: { resume: true } },
      },
      'https://app/r',
    );
    expect(document).toEqual({
      protocol: 'medscribealliance',
      endpoints: { base_url: 'https://app/r/v1', templates_url: 'https://app/r/v1/templates' },
      authentication: { supported_methods: [] },
      capabilities: { webhook_delivery: false, upload_methods: ['chunked', 'stream'] },
      extensions: { session_fields: ['session_mode'], session_patch: false, stream: { resume: true } },
    });
  });

  it('chunk checks: safe names and well-formed media types only', () => {
    for (const name of ['chunk_0.wav', 'a b_1.webm', 'x'.repeat(255)]) expect(isSafeFileName(name), name).toBe(true);
    for (const name of ['', 'a/b_0.wav', 'a\\b_0.wav', '.._0.wav', 'x'.repeat(256), 'é_0.wav', 'a\n_0.wav']) expect(isSafeFileName(name), name).toBe(false);
    expect(forwardedContentType('audio/wav')).toBe('audio/wav');
    expect(forwardedContentType('audio/webm;codecs=opus')).toBe('audio/webm;codecs=opus');
    for (const bad of [null, 'audio/wav\r\nX-Evil: 1', 'text', `audio/${'x'.repeat(200)}`]) expect(forwardedContentType(bad)).toBe('application/octet-stream');
  });

  it('readCappedBody: exact limit accepted, one byte more refused, declared lengths refused unread', async () => {
    const body = (bytes: number, headers: Record<string, string> = {}) => new Request('http://r/', { method: 'POST', body: new Uint8Array(bytes), headers });
    expect((await readCappedBody(body(100), 100)) as Uint8Array).toHaveLength(100);
    expect(await readCappedBody(body(101), 100)).toBe('too_large');
    expect(await readCappedBody(new Request('http://r/', { method: 'POST', headers: { 'content-length': '5000' }, body: 'x' }), 100)).toBe('too_large');
    expect((await readCappedBody(new Request('http://r/'), 100)) as Uint8Array).toHaveLength(0);
  });
});
