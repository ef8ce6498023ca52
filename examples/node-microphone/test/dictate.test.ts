import { startServer, type ScribeServer } from '@scribe/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictate } from '../index';
import { sampleMicrophone } from '../sample-microphone';

let server: ScribeServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

describe('the microphone example', () => {
  it('dictates the sample through an ALSA device: speech chunks uploaded while recording, then the session ends', { timeout: 60_000 }, async () => {
    await using mic = await sampleMicrophone();
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.join(' '));
    try {
      const result = await dictate(mic.input, {
        baseUrl: server.url,
        authBaseUrl: server.url,
        clientId: 'local-dev-client',
        clientSecret: 'local-dev-secret',
        defaultTemplates: ['clinical_notes_template'],
        dotEnv: false,
      });
      const uploaded = lines.filter((line) => line.includes('uploaded chunk_')).length;
      // 23 s of consultation with pauses between turns: more than one chunk, each reported as it was uploaded.
      expect(uploaded).toBeGreaterThanOrEqual(2);
      expect(result.audioFilesReceived).toBe(uploaded);
      expect(lines.some((line) => line.includes(`${uploaded} chunk(s) of speech uploaded`))).toBe(true);
      // startServer() from code has no transcriber: the session ends with a per-template error saying so.
      expect(['failed', 'partial']).toContain(result.status);
    } finally {
      console.log = log;
    }
  });
});
