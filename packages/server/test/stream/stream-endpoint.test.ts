import { describe, expect, it } from 'vitest';
import { pcmBlocksFromInt16Bytes, speechChunks } from '@scribe/core/internal';
import { createTestEngine } from '../helpers/engines.js';
import { KEY_HEADERS, endSession, settledSession, startTestServer, uploadChunk } from '../helpers/harness.js';
import { loadServerSileroModel } from '../../src/stream/server-silero-vad.js';
import { connect, createStreamSession, send, speech, storedLog, tone } from './stream-client.js';

describe('stream endpoint (contract 6)', () => {
  it('[#34] a stream create returns a ws URL per 6.2 under the request prefix; stream + http → 400', async () => {
    const t = await startTestServer();
    for (const prefix of ['/v1', '/voice/v1']) {
      const { sessionId, url } = await createStreamSession(t, prefix);
      const match = new RegExp(`^ws://127\\.0\\.0\\.1:${t.server.port}${prefix}/stream/sessions/([A-Za-z0-9]{32})/audio$`).exec(url);
      expect(match, url).not.toBeNull();
      expect(match![1]).not.toContain(sessionId.slice(4));
    }
    const refused = await t.call('POST', '/v1/sessions', { headers: KEY_HEADERS, json: { templates: ['soap'], upload_type: 'stream', communication_protocol: 'http' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_request', details: { field: 'communication_protocol' } });
  });

  it('[#34] an https public URL gives wss stream URLs; discovery advertises stream with the resume extension', async () => {
    const t = await startTestServer({ publicUrl: 'https://scribe.example.test/base', stream: { maxFrameBytes: 65536, maxSpeed: 4 } });
    const { url } = await createStreamSession(t);
    expect(url).toMatch(/^wss:\/\/scribe\.example\.test\/base\/v1\/stream\/sessions\/[A-Za-z0-9]{32}\/audio$/);
    const discovery = await t.call('GET', '/.well-known/medscribealliance');
    expect(discovery.body.capabilities.upload_methods).toEqual(['chunked', 'single', 'stream']);
    expect(discovery.body.extensions.stream).toEqual({
      protocol: 'websocket',
      frame_modes: ['binary', 'json'],
      encoding: 'pcm_s16le',
      sample_rate: 16000,
      max_frame_bytes: 65536,
      max_speed: 4,
      resume: true,
    });
  });

  it('[#73] binary and text frames on one connection, then the bare text stop: everything stored in order, close 1000', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    const audio = tone(1);
    await send(socket, audio.subarray(0, 8000));
    await send(socket, JSON.stringify({ event: 'connected', protocol: 'Call' }));
    await send(socket, JSON.stringify({ event: 'start', start: { streamId: 'x', mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } }, extra: 1 }));
    await send(socket, JSON.stringify({ event: 'media', media: { payload: audio.subarray(8000, 20000).toString('base64'), track: 'inbound' } }));
    await send(socket, JSON.stringify({ event: 'mark', mark: { name: 'm' } }));
    await send(socket, audio.subarray(20000));
    await send(socket, 'stop');
    expect(await socket.closed).toMatchObject({ code: 1000 });
    expect(Buffer.compare(await storedLog(t, sessionId), audio)).toBe(0);
    expect((await t.call('GET', `/v1/sessions/${sessionId}`, { headers: KEY_HEADERS })).body.status).toBe('recording');
  });

  it('[#74] on stop the rest is stored and the socket closed 1000 within 5 s; frames after stop are ignored', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    await send(socket, tone(2));
    const stopAt = performance.now();
    await send(socket, JSON.stringify({ event: 'stop', reason: 'user_stopped' }));
    await send(socket, tone(1)).catch(() => undefined);
    const closed = await socket.closed;
    expect(closed.code).toBe(1000);
    expect(closed.at - stopAt).toBeLessThan(5000);
    expect((await storedLog(t, sessionId)).length).toBe(64000);
  });

  it('[#74] end cuts the stream into chunk_{i}.wav with the client segmenter, and processing matches a chunked session', async () => {
    const engine = createTestEngine();
    const t = await startTestServer({ engine });
    const pcm = await speech();
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(url);
    await socket.opened;
    for (let offset = 0; offset < pcm.length; offset += 8192) await send(socket, pcm.subarray(offset, offset + 8192));
    await send(socket, '{"event":"stop"}');
    await socket.closed;
    const ended = await endSession(t, sessionId, 0);
    expect(ended.status).toBe(202);
    // The same PCM through core's speechChunks with the same model gives the very same chunk files.
    const model = await loadServerSileroModel();
    const expected: Uint8Array[] = [];
    for await (const chunk of speechChunks(pcmBlocksFromInt16Bytes(new Uint8Array(pcm), 16000), { vad: model.createDetector() })) expected.push(chunk.bytes);
    await model.dispose();
    expect(expected.length).toBeGreaterThan(0);
    expect(ended.body.audio_files).toEqual(expected.map((_, index) => `chunk_${index}.wav`));
    expect(ended.body.audio_files_received).toBe(expected.length);
    const done = await settledSession(t, sessionId);
    expect(done.body.status).toBe('completed');
    expect(engine.transcribeCalls[0]!.chunks.map((chunk) => chunk.fileName)).toEqual(ended.body.audio_files);
    expect(engine.transcribeCalls[0]!.chunks.map((chunk) => chunk.bytes.length)).toEqual(expected.map((bytes) => bytes.length));
  });

  it('[#75] a close without stop keeps the audio and leaves the session open; a later connection appends', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const first = connect(url);
    await first.opened;
    await send(first, tone(0.5));
    first.ws.close(1000);
    await first.closed;
    await expect.poll(async () => (await storedLog(t, sessionId)).length).toBe(16000);
    expect((await t.call('GET', `/v1/sessions/${sessionId}`, { headers: KEY_HEADERS })).body.status).toBe('recording');
    const second = connect(url);
    await second.opened;
    await send(second, tone(0.25));
    await send(second, 'stop');
    await second.closed;
    expect((await storedLog(t, sessionId)).length).toBe(24000);
  });

  it('[#75] end with an open socket flushes it and closes it 1000 ("session ended"), then processes', async () => {
    const t = await startTestServer({ engine: createTestEngine() });
    const { sessionId, url } = await createStreamSession(t);
    const socket = connect(`${url}?ack=1`);
    await socket.opened;
    const pcm = await speech();
    await send(socket, pcm);
    // Waits until the server holds the audio, so the end below meets a socket with everything received.
    await expect.poll(() => socket.messages.at(-1), { timeout: 3000 }).toEqual({ event: 'ack', bytes: pcm.length });
    const ended = await endSession(t, sessionId, 0);
    expect(ended.status).toBe(202);
    expect(await socket.closed).toMatchObject({ code: 1000, reason: 'session ended' });
    expect((await storedLog(t, sessionId)).length).toBe((await speech()).length);
    expect(ended.body.audio_files_received).toBeGreaterThan(0);
    expect((await settledSession(t, sessionId)).body.status).toBe('completed');
  });

  it('a stream session refuses HTTP uploads (400 invalid_request); streamed silence ends failed audio_too_short', async () => {
    const t = await startTestServer();
    const { sessionId, url } = await createStreamSession(t);
    const refused = await uploadChunk(t, sessionId, 'chunk_0.wav', new Uint8Array(100));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_request');
    const socket = connect(url);
    await socket.opened;
    await send(socket, Buffer.alloc(32000));
    await send(socket, 'stop');
    await socket.closed;
    const ended = await endSession(t, sessionId, 0);
    expect(ended.body.audio_files_received).toBe(0);
    const done = await settledSession(t, sessionId);
    expect(done.body).toMatchObject({ status: 'failed', error: { code: 'audio_too_short' } });
  });
});
