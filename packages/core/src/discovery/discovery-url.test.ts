import { describe, expect, it } from 'vitest';
import { discoveryUrlFor } from './discovery-url';

describe('discoveryUrlFor', () => {
  it('[#1] eka: {base}/v1/.well-known/medscribealliance', () => {
    expect(discoveryUrlFor({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice', discoveryUrl: undefined })).toBe('https://api.eka.care/voice/v1/.well-known/medscribealliance');
  });

  it('[#1] msa: discovery_url (bare origin gets the well-known path), else the origin of base_url, neither → ConfigError', () => {
    expect(discoveryUrlFor({ dialect: 'msa', baseUrl: undefined, discoveryUrl: 'https://s.example.com' })).toBe('https://s.example.com/.well-known/medscribealliance');
    expect(discoveryUrlFor({ dialect: 'msa', baseUrl: undefined, discoveryUrl: 'https://s.example.com/custom/doc.json' })).toBe('https://s.example.com/custom/doc.json');
    expect(discoveryUrlFor({ dialect: 'msa', baseUrl: 'https://s.example.com/api/v1', discoveryUrl: undefined })).toBe('https://s.example.com/.well-known/medscribealliance');
    expect(() => discoveryUrlFor({ dialect: 'msa', baseUrl: undefined, discoveryUrl: undefined })).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});
