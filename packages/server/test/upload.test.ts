import { describe, expect, it } from 'vitest';
import { createSession, endSession, KEY_HEADERS, settledSession, startTestServer, uploadChunk, type TestServer } from './helpers/harness.js';
import { createTestEngine } from './helpers/engines.js';
import { buildMultipart } from './helpers/multipart.js';
import { makeWav } from './helpers/wav.js';

const WAV = makeWav({ seconds: 0.25 });

function expectUploadBody(body: unknown, sessionId: string, name: string, index: number | undefined, received: number) {
  expect(body).toEqual({
    session_id: sessionId,
    success: true,
    status: 'received',
    file_name: name,
    original_filename: name,
    ...(index === undefined ? {} : { chunk_index: index }),
    audio_files_received: received,
  });
}

async function rawUpload(t: TestServer, id: string, name: string, body: Uint8Array | string, headers: Record<string, string> = {}) {
  return t.call('POST', `/v1/sessions/${id}/audio/${name}`, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', ...headers }, body });
}

async function expectError(response: { status: number; body: { error: { code: string; details?: Record<string, unknown> } } }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
}

describe('upload forms (2.10)', () => {
  it('[#43] form A: raw body POST and PUT to {P}/sessions/{id}/audio/{file_name} → 200 with the 2.10 body', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    expectUploadBody((await uploadChunk(t, id, 'chunk_0.wav', WAV)).body, id, 'chunk_0.wav', 0, 1);
    const put = await t.call('PUT', `/voice/v1/sessions/${id}/audio/chunk_1.wav`, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body: WAV });
    expect(put.status).toBe(200);
    expectUploadBody(put.body, id, 'chunk_1.wav', 1, 2);
  });

  it('[#43] form B: multipart POST to upload_url with a file part named "file" (other parts ignored)', async () => {
    const t = await startTestServer();
    const created = await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'] } });
    const uploadUrl = new URL(created.body.upload_url);
    const { body, contentType } = buildMultipart([
      { name: 'note', data: 'ignored' },
      { name: 'file', fileName: 'chunk_0.wav', contentType: 'audio/wav', data: WAV },
    ]);
    const response = await t.call('POST', uploadUrl.pathname, { headers: { ...KEY_HEADERS, 'Content-Type': contentType }, body });
    expect(response.status).toBe(200);
    expectUploadBody(response.body, created.body.session_id, 'chunk_0.wav', 0, 1);
    // The way browsers and undici send it.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(makeWav({ seconds: 0.1 }))], { type: 'audio/wav' }), 'chunk_1.wav');
    const viaFetch = await fetch(created.body.upload_url, { method: 'POST', headers: KEY_HEADERS, body: form });
    expect(viaFetch.status).toBe(200);
    expect(((await viaFetch.json()) as { file_name: string }).file_name).toBe('chunk_1.wav');
  });

  it('[#43] form C: raw POST to upload_url with Content-Disposition filename= or filename*=UTF-8\'\' and X-Chunk-Index', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    const plain = await t.call('POST', `/v1/sessions/${id}/audio`, {
      headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', 'Content-Disposition': 'attachment; filename="chunk_0.wav"', 'X-Chunk-Index': '0' },
      body: WAV,
    });
    expectUploadBody(plain.body, id, 'chunk_0.wav', 0, 1);
    const extended = await t.call('POST', `/v1/sessions/${id}/audio`, {
      headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', 'Content-Disposition': "attachment; filename*=UTF-8''chunk%5F1.wav; filename=\"fallback_9.wav\"" },
      body: WAV,
    });
    expectUploadBody(extended.body, id, 'chunk_1.wav', 1, 2);
  });
});

describe('upload checks in order (2.10)', () => {
  it('[#44] row 1: unknown session → 404 session_not_found', async () => {
    const t = await startTestServer();
    await expectError(await rawUpload(t, 'ses_unknown0000000000000000', 'chunk_0.wav', WAV), 404, 'session_not_found');
  });

  it('[#44] row 2: expired session → 410 session_expired envelope (before any later check)', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    await t.server.expireSession(id);
    const response = await rawUpload(t, id, 'bad name.wav', '', { 'Content-Type': 'text/plain' });
    await expectError(response, 410, 'session_expired');
  });

  it('[#44] row 3: ended session → 400 session_ended with details.status (before name checks)', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    await endSession(t, id, 0);
    const response = await rawUpload(t, id, 'audio.wav', '');
    await expectError(response, 400, 'session_ended');
    expect(['processing', 'failed']).toContain(response.body.error.details?.status);
  });

  it('[#44] row 5: a missing or unsafe file name → 400 invalid_request', async () => {
    const t = await startTestServer();
    const id = await createSession(t, { upload_type: 'single' });
    const noName = await t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav' }, body: '' });
    await expectError(noName, 400, 'invalid_request');
    expect(noName.body.error.details.field).toBe('file_name');
    for (const name of ['a%2Fb.wav', 'a%5Cb.wav', 'x..wav', 'a%0Ab.wav', `${'a'.repeat(252)}.wav`, '.', '%7F.wav']) {
      const response = await rawUpload(t, id, name, '');
      await expectError(response, 400, 'invalid_request');
      expect(response.body.error.details.field, name).toBe('file_name');
    }
    const unicode = await t.call('POST', `/v1/sessions/${id}/audio`, {
      headers: { ...KEY_HEADERS, 'Content-Type': 'audio/wav', 'Content-Disposition': "attachment; filename*=UTF-8''caf%C3%A9.wav" },
      body: WAV,
    });
    await expectError(unicode, 400, 'invalid_request');
    const multipartWithoutName = buildMultipart([{ name: 'file', contentType: 'audio/wav', data: WAV }]);
    await expectError(await t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...KEY_HEADERS, 'Content-Type': multipartWithoutName.contentType }, body: multipartWithoutName.body }), 400, 'invalid_request');
    const noFilePart = buildMultipart([{ name: 'audio', fileName: 'chunk_0.wav', data: WAV }]);
    await expectError(await t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...KEY_HEADERS, 'Content-Type': noFilePart.contentType }, body: noFilePart.body }), 400, 'invalid_request');
    expect((await rawUpload(t, id, `${'a'.repeat(251)}.wav`, WAV)).status).toBe(200);
  });

  it('[#44] row 6: chunked names must match {prefix}_{index}.{ext} (audio_01.wav, audio.wav, 1_audio.wav fail)', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    for (const name of ['audio_01.wav', 'audio.wav', '1_audio.wav', 'chunk_-1.wav', '_0.wav', 'chunk_0.', 'chunk_0']) {
      const response = await rawUpload(t, id, name, '');
      await expectError(response, 400, 'invalid_request');
      expect(response.body.error.details.file_name, name).toBe(name);
    }
    for (const name of ['chunk_0.wav', 'a_b_10.WAV', 'rec 1_2.wav']) expect((await rawUpload(t, id, encodeURIComponent(name), WAV)).status, name).toBe(200);
  });

  it('[#44] row 7: X-Chunk-Index, when present, must equal the name index', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    for (const header of ['1', '00', 'zero', ' ']) {
      const response = await rawUpload(t, id, 'chunk_0.wav', '', { 'X-Chunk-Index': header });
      await expectError(response, 400, 'invalid_request');
      expect(response.body.error.details.field).toBe('X-Chunk-Index');
    }
    expect((await rawUpload(t, id, 'chunk_3.wav', WAV, { 'X-Chunk-Index': '3' })).status).toBe(200);
  });

  it('[#44] row 8: single sessions take one name (re-uploading it is fine), any name pattern', async () => {
    const t = await startTestServer();
    const id = await createSession(t, { upload_type: 'single' });
    expectUploadBody((await rawUpload(t, id, 'visit.wav', WAV)).body, id, 'visit.wav', undefined, 1);
    expect((await rawUpload(t, id, 'visit.wav', WAV)).status).toBe(200);
    const second = await rawUpload(t, id, 'other.wav', '');
    await expectError(second, 400, 'invalid_request');
    expect(second.body.error.details.audio_files).toEqual(['visit.wav']);
  });

  it('[#44] row 9: an empty body → 400 invalid_request; over the size limit → 413 file_too_large', async () => {
    const t = await startTestServer({ maxFileBytes: 2000 });
    const id = await createSession(t);
    const empty = await rawUpload(t, id, 'chunk_0.wav', '', { 'Content-Type': 'text/plain' });
    await expectError(empty, 400, 'invalid_request');
    expect(empty.body.error.details).toBeUndefined();
    const big = makeWav({ seconds: 1 });
    const tooLarge = await rawUpload(t, id, 'chunk_0.wav', big, { 'Content-Type': 'text/plain' });
    await expectError(tooLarge, 413, 'file_too_large');
    expect(tooLarge.body.error.details).toEqual({ max_bytes: 2000, size_bytes: big.length });
    const multipart = buildMultipart([{ name: 'file', fileName: 'chunk_1.wav', contentType: 'audio/wav', data: big }]);
    await expectError(await t.call('POST', `/v1/sessions/${id}/audio`, { headers: { ...KEY_HEADERS, 'Content-Type': multipart.contentType }, body: multipart.body }), 413, 'file_too_large');
    expect((await rawUpload(t, id, 'chunk_2.wav', makeWav({ seconds: 0.05 }))).status).toBe(200);
  });

  it('[#44] row 10: an unaccepted Content-Type → 400 invalid_audio_format with provided and supported formats', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    const response = await rawUpload(t, id, 'chunk_0.wav', 'not audio at all', { 'Content-Type': 'text/plain' });
    await expectError(response, 400, 'invalid_audio_format');
    expect(response.body.error.details.provided_format).toBe('text/plain');
    expect(response.body.error.details.supported_formats).toContain('audio/wav');
    // Missing or octet-stream: inferred from the extension.
    expect((await rawUpload(t, id, 'chunk_1.wav', WAV, { 'Content-Type': 'application/octet-stream' })).status).toBe(200);
    const unknownExtension = await rawUpload(t, id, 'chunk_2.xyz', WAV, { 'Content-Type': 'application/octet-stream' });
    await expectError(unknownExtension, 400, 'invalid_audio_format');
  });

  it('[#44] row 11: a WAV that does not parse → 400 invalid_audio_format; PCM 8/16/24/32, float, any rate and channels parse', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    const truncated = WAV.subarray(0, 30);
    for (const bad of [Buffer.from('RIFF....WAVEjunk'), truncated, Buffer.from('ID3 not a wav')]) {
      await expectError(await rawUpload(t, id, 'chunk_0.wav', bad), 400, 'invalid_audio_format');
    }
    const compressedFormat = Buffer.from(WAV);
    compressedFormat.writeUInt16LE(0x55, 20); // MPEG layer 3 inside RIFF
    await expectError(await rawUpload(t, id, 'chunk_0.wav', compressedFormat), 400, 'invalid_audio_format');
    const variants = [
      makeWav({ seconds: 0.1, bits: 8 }),
      makeWav({ seconds: 0.1, bits: 24, sampleRate: 44100, channels: 2 }),
      makeWav({ seconds: 0.1, bits: 32, sampleRate: 48000, channels: 6 }),
      makeWav({ seconds: 0.1, bits: 32, float: true, sampleRate: 8000 }),
    ];
    for (const [index, wav] of variants.entries()) expect((await rawUpload(t, id, `chunk_${index}.wav`, wav)).status).toBe(200);
  });

  it('[#44] row 12: 24.0 s is accepted, 24.3 s refused with 400 chunk_too_large and its details', async () => {
    const t = await startTestServer();
    const id = await createSession(t);
    expect((await rawUpload(t, id, 'chunk_0.wav', makeWav({ seconds: 24, sampleRate: 8000 }))).status).toBe(200);
    expect((await rawUpload(t, id, 'chunk_1.wav', makeWav({ seconds: 24.2, sampleRate: 8000 }))).status).toBe(200);
    const long = await rawUpload(t, id, 'chunk_2.wav', makeWav({ seconds: 24.3, sampleRate: 8000, channels: 2 }));
    await expectError(long, 400, 'chunk_too_large');
    expect(long.body.error.details).toEqual({ chunk_duration_seconds: 24.3, max_duration_seconds: 24 });
  });

  it('[#44] checks run in order: each earlier failure wins over a later one', async () => {
    const t = await startTestServer({ maxFileBytes: 1000 });
    const id = await createSession(t);
    const nameBeforeBody = await rawUpload(t, id, 'audio_01.wav', '', { 'Content-Type': 'text/plain' });
    expect(nameBeforeBody.body.error.details.field).toBe('file_name');
    const indexBeforeBody = await rawUpload(t, id, 'chunk_0.wav', '', { 'X-Chunk-Index': '5' });
    expect(indexBeforeBody.body.error.details.field).toBe('X-Chunk-Index');
    await expectError(await rawUpload(t, id, 'chunk_0.wav', '', { 'Content-Type': 'text/plain' }), 400, 'invalid_request');
    await expectError(await rawUpload(t, id, 'chunk_0.wav', makeWav({ seconds: 1 }), { 'Content-Type': 'text/plain' }), 413, 'file_too_large');
    await expectError(await rawUpload(t, id, 'chunk_0.wav', Buffer.from('RIFFjunk'), { 'Content-Type': 'text/plain' }), 400, 'invalid_audio_format');
    const single = await createSession(t, { upload_type: 'single' });
    await rawUpload(t, single, 'one.wav', makeWav({ seconds: 0.01 }));
    const singleBeforeBody = await rawUpload(t, single, 'two.wav', '');
    expect(singleBeforeBody.body.error.details.audio_files).toEqual(['one.wav']);
  });
});

describe('stored files (2.10, 5.6)', () => {
  it('[#45] the first stored file moves created → recording; re-uploading a name replaces it without changing the count', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t);
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.status).toBe('created');
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.5 }));
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.status).toBe('recording');
    const again = await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.25 }));
    expect(again.body.audio_files_received).toBe(1);
    const status = await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS });
    expect(status.body).toMatchObject({ status: 'recording', audio_files_received: 1, audio_files: ['chunk_0.wav'] });
    await endSession(t, id, 1);
    expect((await settledSession(t, id)).body.status).toBe('completed');
    expect(engine.transcribeCalls[0]?.chunks.map((chunk) => chunk.pcm?.length)).toEqual([4000]);
  });

  it('[#46] out-of-order uploads are accepted and audio_files is sorted by index (chunk_10 after chunk_9)', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t);
    for (const index of [10, 2, 9, 0, 1]) expect((await uploadChunk(t, id, `chunk_${index}.wav`, makeWav({ seconds: 0.05 }))).status).toBe(200);
    const expected = ['chunk_0.wav', 'chunk_1.wav', 'chunk_2.wav', 'chunk_9.wav', 'chunk_10.wav'];
    expect((await t.call('GET', `/v1/sessions/${id}`, { headers: KEY_HEADERS })).body.audio_files).toEqual(expected);
    const end = await endSession(t, id, 5);
    expect(end.body.audio_files).toEqual(expected);
    await settledSession(t, id);
    expect(engine.transcribeCalls[0]?.chunks.map((chunk) => chunk.fileName)).toEqual(expected);
    expect(engine.transcribeCalls[0]?.chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2, 9, 10]);
  });

  it('[#46] WAV chunks reach the engine as 16 kHz mono float32, whatever their rate and channels', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t);
    await uploadChunk(t, id, 'chunk_0.wav', makeWav({ seconds: 0.5, sampleRate: 48000, channels: 2, bits: 24 }));
    await uploadChunk(t, id, 'chunk_1.wav', makeWav({ seconds: 0.5, sampleRate: 8000, bits: 8 }));
    await endSession(t, id, 2);
    await settledSession(t, id);
    const chunks = engine.transcribeCalls[0]?.chunks ?? [];
    expect(chunks.map((chunk) => chunk.pcm?.length)).toEqual([8000, 8000]);
    const peak = Math.max(...Array.from(chunks[0]?.pcm ?? [], Math.abs));
    expect(peak).toBeGreaterThan(0.4);
    expect(peak).toBeLessThan(0.55);
  });
});

describe('content types (5.3)', () => {
  it('[#47] MIME matching ignores case, spaces around ";" and parameter order, and applies the aliases', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const id = await createSession(t);
    const accepted: [string, string, string][] = [
      ['AUDIO/WAV', 'wav', 'audio/wav'],
      ['audio/x-wav', 'wav', 'audio/wav'],
      ['audio/wave', 'wav', 'audio/wav'],
      ['audio/vnd.wave', 'wav', 'audio/wav'],
      ['audio/mp3', 'mp3', 'audio/mpeg'],
      ['audio/MPEG', 'mp3', 'audio/mpeg'],
      ['audio/m4a', 'm4a', 'audio/mp4'],
      ['audio/x-m4a', 'm4a', 'audio/mp4'],
      ['audio/webm', 'webm', 'audio/webm'],
      ['audio/webm ; codecs=opus', 'webm', 'audio/webm;codecs=opus'],
      ['audio/webm;codecs="OPUS"', 'webm', 'audio/webm;codecs=opus'],
      ['audio/ogg', 'ogg', 'audio/ogg'],
      ['Audio/Ogg ;Codecs=Vorbis', 'ogg', 'audio/ogg;codecs=vorbis'],
      ['audio/ogg; rate=48000 ; codecs=opus', 'ogg', 'audio/ogg;codecs=opus'],
    ];
    for (const [index, [type, extension]] of accepted.entries()) {
      const bytes = extension === 'wav' ? makeWav({ seconds: 0.05 }) : Buffer.from(`${extension} bytes ${index}`);
      const response = await rawUpload(t, id, `chunk_${index}.${extension}`, bytes, { 'Content-Type': type });
      expect(response.status, type).toBe(200);
    }
    for (const type of ['audio/webm;codecs=vp8', 'audio/ogg;codecs=flac', 'audio/aac', 'video/mp4', 'audio/wavx']) {
      await expectError(await rawUpload(t, id, 'chunk_99.webm', 'x', { 'Content-Type': type }), 400, 'invalid_audio_format');
    }
    await endSession(t, id, accepted.length);
    await settledSession(t, id);
    const chunks = engine.transcribeCalls[0]?.chunks ?? [];
    expect(chunks.map((chunk) => chunk.contentType)).toEqual(accepted.map(([, , canonical]) => canonical));
    // Compressed chunks reach the engine as the uploaded bytes, undecoded.
    expect(Buffer.from(chunks[4]?.bytes ?? []).toString()).toBe('mp3 bytes 4');
    expect(chunks[4]?.pcm).toBeUndefined();
  });
});
