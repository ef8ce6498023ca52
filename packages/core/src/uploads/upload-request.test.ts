import { describe, expect, it } from 'vitest';
import { buildEndpoints } from '../sessions/endpoints';
import { appendPathSegment, buildUploadRequest } from './upload-request';

const bytes = new Uint8Array([1, 2, 3]);
const msaEndpoints = buildEndpoints({ dialect: 'msa', baseUrl: 'https://scribe.example.com/v1' });

describe('buildUploadRequest', () => {
  it('[#38] eka: form A, raw POST to {base}/v1/sessions/{id}/audio/{name} with auth, never upload_url', () => {
    const { request, crossOrigin } = buildUploadRequest({
      dialect: 'eka',
      endpoints: buildEndpoints({ dialect: 'eka', baseUrl: 'https://api.eka.care/voice' }),
      sessionId: 'ses_a-b_c',
      fileName: 'chunk_0.wav',
      bytes,
      contentType: 'audio/wav',
      uploadUrl: 'https://elsewhere.example.com/upload',
    });
    expect(crossOrigin).toBe(false);
    expect(request).toMatchObject({ method: 'POST', url: 'https://api.eka.care/voice/v1/sessions/ses_a-b_c/audio/chunk_0.wav', body: bytes, idempotent: true, sessionPath: true });
    expect(request.auth).not.toBe(false);
    expect(request.headers?.['Content-Type']).toBe('audio/wav');
  });

  it('[#39] msa same-origin: form B multipart to upload_url unchanged, with auth', async () => {
    const { request, crossOrigin } = buildUploadRequest({
      dialect: 'msa',
      endpoints: msaEndpoints,
      sessionId: 's1',
      fileName: 'chunk_2.wav',
      bytes,
      contentType: 'audio/wav',
      uploadUrl: 'https://scribe.example.com/v1/sessions/s1/audio',
      headers: { 'MSA-Version': '0.1' },
    });
    expect(crossOrigin).toBe(false);
    expect(request).toMatchObject({ method: 'POST', url: 'https://scribe.example.com/v1/sessions/s1/audio', idempotent: true });
    expect(request.auth).not.toBe(false);
    const form = request.body as FormData;
    const file = form.get('file') as File;
    expect(file.name).toBe('chunk_2.wav');
    expect(file.type).toBe('audio/wav');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('[#39] msa cross-origin: raw PUT without credentials; chunked appends the name before the query, single uses the URL exactly', () => {
    const presigned = 'https://bucket.storage.example.net/up/s1?X-Sig=a%2Fb&e=1';
    const chunked = buildUploadRequest({ dialect: 'msa', endpoints: msaEndpoints, sessionId: 's1', fileName: 'chunk_0.wav', bytes, contentType: 'audio/wav', uploadUrl: presigned });
    expect(chunked.crossOrigin).toBe(true);
    expect(chunked.request).toMatchObject({ method: 'PUT', url: 'https://bucket.storage.example.net/up/s1/chunk_0.wav?X-Sig=a%2Fb&e=1', auth: false, idempotent: true, body: bytes });
    const single = buildUploadRequest({ dialect: 'msa', endpoints: msaEndpoints, sessionId: 's1', fileName: 'chunk_0.wav', bytes, contentType: 'audio/wav', uploadUrl: presigned, uploadType: 'single' });
    expect(single.request.url).toBe(presigned);
  });

  it('msa without a known upload_url uses {base}/sessions/{id}/audio', () => {
    const { request } = buildUploadRequest({ dialect: 'msa', endpoints: msaEndpoints, sessionId: 's 1', fileName: 'chunk_0.wav', bytes, contentType: 'audio/wav' });
    expect(request.url).toBe('https://scribe.example.com/v1/sessions/s%201/audio');
  });
});

describe('appendPathSegment', () => {
  it('keeps the query string and fragment byte for byte', () => {
    expect(appendPathSegment('https://h/p/?a=%7E&b', 'x.wav')).toBe('https://h/p/x.wav?a=%7E&b');
    expect(appendPathSegment('https://h/p#f', 'x y.wav')).toBe('https://h/p/x%20y.wav#f');
  });
});
