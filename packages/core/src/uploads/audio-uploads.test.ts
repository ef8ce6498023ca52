import { describe, expect, it } from 'vitest';
import type { ScribeConfig } from '../config/scribe-config';
import { createDiscoveryClient } from '../discovery/discovery-client';
import { APIError, AuthError, SessionNotFoundError, SessionStateError } from '../errors';
import { createSessionRegistry } from '../sessions/session-registry';
import { createSessionsApi } from '../sessions/sessions-api';
import { createManualClock } from '../testing/manual-clock';
import { createScriptedTransport, type ScriptedHandler } from '../testing/scripted-transport';
import { createTestConfig, createTestDiscoveryDocument } from '../testing/test-config';
import { createWavBytes } from '../testing/wav-bytes';
import { createAudioUploads } from './audio-uploads';

const ORIGIN = 'https://scribe.example.com';
const WELL_KNOWN = `${ORIGIN}/.well-known/medscribealliance`;
const EKA_WELL_KNOWN = 'https://api.eka.care/voice/v1/.well-known/medscribealliance';
const eka = createTestConfig({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice' });
const msa = createTestConfig({ dialect: 'msa', discoveryUrl: ORIGIN });
const ok = () => ({ status: 200, data: { success: true, status: 'received' } });

function setup(config: ScribeConfig, route: ScriptedHandler = ok, discoveryPatch: Record<string, unknown> = {}) {
  const transport = createScriptedTransport((request, n) => {
    if (request.url === WELL_KNOWN) return { data: createTestDiscoveryDocument(ORIGIN, discoveryPatch) };
    if (request.url === EKA_WELL_KNOWN) throw new SessionNotFoundError('HTTP 404', { status: 404 });
    if (request.url.endsWith('/end')) return { status: 202, data: { status: 'processing' } };
    if (request.method === 'POST' && /\/sessions$/.test(request.url)) return { status: 201, data: { session_id: 's1', upload_url: `${ORIGIN}/v1/sessions/s1/audio` } };
    return route(request, n);
  });
  const discovery = createDiscoveryClient({ config, transport, clock: createManualClock() });
  const registry = createSessionRegistry();
  const sessions = createSessionsApi({ config, transport, discovery, registry });
  const uploads = createAudioUploads({ config, transport, discovery, registry, endSession: (id, o) => sessions.end(id, o) });
  const uploadsSent = () => transport.requests.filter((r) => r.url.includes('/audio') || r.method === 'PUT');
  const ends = () => transport.requests.filter((r) => r.url.endsWith('/end'));
  return { transport, sessions, uploads, uploadsSent, ends };
}

describe('uploadChunk', () => {
  it('[#38] eka: raw POST to {base}/v1/sessions/{id}/audio/{name} with the file type, idempotent', async () => {
    const { uploads, uploadsSent } = setup(eka);
    const wav = createWavBytes(1);
    const uploaded = await uploads.uploadChunk('ses_a-b_c', { bytes: wav, index: 0 });
    expect(uploaded).toMatchObject({ fileName: 'chunk_0.wav', httpStatus: 200, ack: { success: true } });
    expect(uploadsSent()[0]).toMatchObject({ method: 'POST', url: 'https://api.eka.care/voice/v1/sessions/ses_a-b_c/audio/chunk_0.wav', body: wav, idempotent: true, headers: { 'Content-Type': 'audio/wav' } });
  });

  it('[#42] an upload after endSession → SessionStateError, no request', async () => {
    const { uploads, sessions, uploadsSent } = setup(eka);
    await sessions.end('s1');
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 0 })).rejects.toBeInstanceOf(SessionStateError);
    await expect(uploads.uploadChunks('s1', [createWavBytes(1)])).rejects.toMatchObject({ code: 'session_state' });
    expect(uploadsSent()).toHaveLength(0);
  });

  it('[#42] a server session_ended on upload also makes later uploads fail locally', async () => {
    const { uploads, uploadsSent } = setup(eka, () => {
      throw new SessionStateError('ended', { status: 400, serverCode: 'session_ended' });
    });
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 0 })).rejects.toMatchObject({ serverCode: 'session_ended' });
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 1 })).rejects.toMatchObject({ code: 'session_state' });
    expect(uploadsSent()).toHaveLength(1);
  });

  it('[#40] a WAV chunk over the effective maximum (20 s without discovery) is refused before any upload', async () => {
    const { uploads, uploadsSent } = setup(eka);
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(20.5), index: 0 })).rejects.toMatchObject({
      code: 'invalid_audio',
      details: expect.objectContaining({ max_duration_seconds: 20 }),
    });
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(20), index: 0 })).resolves.toMatchObject({ fileName: 'chunk_0.wav' });
    await expect(uploads.uploadChunk('s1', { bytes: new Uint8Array([1, 2]), fileName: 'chunk_1.webm', durationSeconds: 21 })).rejects.toMatchObject({ code: 'invalid_audio' });
    expect(uploadsSent()).toHaveLength(1);
  });

  it('[#40] maxChunkSeconds raises the limit up to 24; a smaller discovery maximum lowers it', async () => {
    const raised = setup(createTestConfig({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice', maxChunkSeconds: 24 }));
    await expect(raised.uploads.uploadChunk('s1', { bytes: createWavBytes(23.9), index: 0 })).resolves.toBeDefined();
    await expect(raised.uploads.uploadChunk('s1', { bytes: createWavBytes(24.5), index: 1 })).rejects.toMatchObject({ code: 'invalid_audio' });
    const lowered = setup(msa, ok, { capabilities: { audio_formats: ['audio/wav'], max_chunk_duration_seconds: 15 } });
    await expect(lowered.uploads.uploadChunk('s1', { bytes: createWavBytes(16), index: 0 })).rejects.toMatchObject({ details: expect.objectContaining({ max_duration_seconds: 15 }) });
    expect(lowered.uploadsSent()).toHaveLength(0);
  });

  it('refuses an empty chunk and a chunk without a name or index', async () => {
    const { uploads, uploadsSent } = setup(eka);
    await expect(uploads.uploadChunk('s1', { bytes: new Uint8Array(0), index: 0 })).rejects.toMatchObject({ code: 'invalid_audio' });
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(1) })).rejects.toMatchObject({ code: 'validation_error' });
    expect(uploadsSent()).toHaveLength(0);
  });

  it('[#39][#37] msa same origin: multipart POST to upload_url with the advertised type string, the same for every chunk', async () => {
    const { uploads, sessions, uploadsSent } = setup(msa, ok, { capabilities: { audio_formats: ['audio/webm;codecs=opus', 'audio/x-wav'], max_chunk_duration_seconds: 20 } });
    await sessions.create();
    await uploads.uploadChunks('s1', [createWavBytes(1), createWavBytes(1)], { endSession: false });
    const sent = uploadsSent();
    expect(sent.map((r) => r.url)).toEqual([`${ORIGIN}/v1/sessions/s1/audio`, `${ORIGIN}/v1/sessions/s1/audio`]);
    const types = sent.map((r) => ((r.body as FormData).get('file') as File).type);
    expect(types).toEqual(['audio/x-wav', 'audio/x-wav']);
    expect(sent[0]?.headers).toMatchObject({ 'MSA-Version': '0.1' });
  });

  it('[#37] msa without audio/wav listed → typed error before any upload, the source untouched', async () => {
    const { uploads, uploadsSent } = setup(msa, ok, { capabilities: { audio_formats: ['audio/webm;codecs=opus'], max_chunk_duration_seconds: 20 } });
    let pulled = 0;
    function* source() {
      pulled += 1;
      yield createWavBytes(1);
    }
    await expect(uploads.uploadChunks('s1', source())).rejects.toMatchObject({ code: 'invalid_audio' });
    expect(pulled).toBe(0);
    expect(uploadsSent()).toHaveLength(0);
  });

  it('[#39] msa cross-origin upload_url: PUT without credentials; 401/403 → "upload URL expired or rejected"', async () => {
    const { uploads, uploadsSent } = setup(msa, (request) => {
      if (request.url.includes('chunk_1')) throw new AuthError('HTTP 403', { status: 403 });
      return ok();
    });
    const uploadUrl = 'https://bucket.example.net/s1?sig=abc';
    await uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 0 }, { uploadUrl });
    expect(uploadsSent()[0]).toMatchObject({ method: 'PUT', url: 'https://bucket.example.net/s1/chunk_0.wav?sig=abc', auth: false });
    await expect(uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 1 }, { uploadUrl })).rejects.toMatchObject({
      code: 'auth_error',
      status: 403,
      message: expect.stringContaining('Upload URL expired or rejected'),
    });
  });
});

describe('uploadChunks', () => {
  it('[#48] ends the session with audio_files_sent = startIndex + acknowledged, and returns the acknowledged count', async () => {
    const { uploads, uploadsSent, ends } = setup(eka);
    const { acknowledged: n } = await uploads.uploadChunks('s1', [createWavBytes(1), new Uint8Array(0), createWavBytes(1)], { startIndex: 5 });
    expect(n).toBe(2);
    expect(uploadsSent().map((r) => r.url.split('/').pop())).toEqual(['chunk_5.wav', 'chunk_6.wav']);
    expect(ends()[0]?.body).toEqual({ audio_files_sent: 7 });
  });

  it('[#48] endSession false leaves the session open; a later end defaults to the distinct names acknowledged', async () => {
    const { uploads, sessions, ends } = setup(eka);
    await uploads.uploadChunks('s1', [createWavBytes(1), createWavBytes(1)], { endSession: false });
    await uploads.uploadChunk('s1', { bytes: createWavBytes(1), index: 1 });
    expect(ends()).toHaveLength(0);
    await sessions.end('s1');
    expect(ends()[0]?.body).toEqual({ audio_files_sent: 2 });
  });

  it('[#38] eka is sequential by default, msa runs up to 3 at once', async () => {
    const slow = () => new Promise<{ status: number }>((resolve) => setTimeout(() => resolve({ status: 200 }), 5));
    const e = setup(eka, slow);
    await e.uploads.uploadChunks('s1', Array.from({ length: 6 }, () => createWavBytes(0.1)), { endSession: false });
    expect(e.transport.maxInFlight).toBe(1);
    const m = setup(msa, slow);
    await m.uploads.uploadChunks('s1', Array.from({ length: 6 }, () => createWavBytes(0.1)), { endSession: false });
    expect(m.transport.maxInFlight).toBe(3);
  });

  it('an upload failing after retries: the session is not ended and the error says where to resume', async () => {
    const { uploads, ends } = setup(eka, (request) => {
      if (request.url.endsWith('chunk_1.wav')) throw new APIError('HTTP 503 after 3 retries', { status: 503, retryable: true });
      return ok();
    });
    const error = await uploads.uploadChunks('s1', [createWavBytes(1), createWavBytes(1), createWavBytes(1)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ChunkUploadError', code: 'api_error', acknowledged: 1, resumeIndex: 1, fileName: 'chunk_1.wav' });
    expect(ends()).toHaveLength(0);
  });

  it('an over-long chunk in the stream stops the upload with InvalidAudioError and the progress so far', async () => {
    const { uploads, ends } = setup(eka);
    const error = await uploads.uploadChunks('s1', [createWavBytes(1), createWavBytes(25)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_audio', acknowledged: 1, resumeIndex: 1 });
    expect(ends()).toHaveLength(0);
  });
});
