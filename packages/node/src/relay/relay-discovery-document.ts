/**
 * The service's discovery document as the relay serves it: endpoints point at the relay (`{relayUrl}/v1`, its
 * templates), routes the relay does not forward (webhooks, OIDC endpoints) are gone, and so is everything about
 * credentials (the `client_credentials` login extension, OIDC settings): the browser authenticates to the app, not
 * to the service. Processing capabilities (models, languages, audio formats, stream settings) pass unchanged.
 */
export function relayDiscoveryDocument(document: Record<string, unknown>, relayUrl: string): Record<string, unknown> {
  const rewritten: Record<string, unknown> = { ...document };
  rewritten.endpoints = { base_url: `${relayUrl}/v1`, templates_url: `${relayUrl}/v1/templates` };
  rewritten.authentication = { supported_methods: [] };
  if (isObject(document.capabilities)) rewritten.capabilities = { ...document.capabilities, webhook_delivery: false };
  if (isObject(document.extensions)) {
    const extensions: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(document.extensions)) {
      if (DROPPED_EXTENSIONS.has(key) || /login|credential|token|oidc|auth/i.test(key)) continue;
      extensions[key] = value;
    }
    // The relay forwards neither PATCH nor reprocessing, and chooses no session ids for the browser.
    if ('session_patch' in extensions) extensions.session_patch = false;
    if ('process_template' in extensions) extensions.process_template = false;
    if (Array.isArray(extensions.session_fields)) extensions.session_fields = extensions.session_fields.filter((field) => field !== 'session_id');
    rewritten.extensions = extensions;
  }
  return rewritten;
}

const DROPPED_EXTENSIONS = new Set(['client_credentials', 'webhooks']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
