import { describe, expect, it } from 'vitest';
import { concatenateArrays } from '@scribe/core/internal';
import { APIError, InvalidAudioError, SessionStateError } from '@scribe/node';
import { ekaClient } from '../support/client-factory';
import { startTestServer } from '../support/start-test-server';
import { recordingWebSocket, speechPcm, storedStream, tonePcm } from './stream-support';

describe('streaming: frames on the wire', () => {
  it('[#68] creates the stream session per 6.1 and connects to its upload_url unchanged, without credentials', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const client = ekaClient(t);
    await using stream = await client.openStream({ createWebSocket: factory, resume: false });
    const create = t.requests(/\/v1\/sessions$/, 'POST')[0]!;
    expect(create.body).toMatchObject({ upload_type: 'stream', communication_protocol: 'websocket' });
    // The first connection moves the session to recording (the server saves it right after the upgrade).
    await expect.poll(async () => (await client.sessions.get(stream.sessionId)).status).toBe('recording');
    const created = (await t.exchanges()).find((exchange) => exchange.method === 'POST' && /\/v1\/sessions$/.test(exchange.url))!;
    const uploadUrl = JSON.parse(created.text).upload_url as string;
    expect(uploadUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/stream\/sessions\/[A-Za-z0-9]{32}\/audio$/);
    expect(record.urls).toEqual([uploadUrl]);
    expect(record.urls[0]).not.toMatch(/token|key|secret|Bearer/i);
  });

  it('[#68] with resume advertised, only ack=1 is added to the URL', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory });
    expect(stream.resume).toBe(true);
    expect(new URL(record.urls[0]!).search).toBe('?ack=1');
  });

  it('[#68] a stream create answered without upload_url fails typed (APIError) before any socket', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const stripping: typeof fetch = async (input, init) => {
      const response = await t.fetch(input, init);
      if (init?.method !== 'POST' || !String(input).endsWith('/v1/sessions')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      delete body.upload_url;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    await expect(ekaClient(t, { fetch: stripping }).openStream({ createWebSocket: factory })).rejects.toBeInstanceOf(APIError);
    expect(record.urls).toEqual([]);
  });

  it('[#69] binary mode: one frame per PCM buffer, odd lengths refused locally, nothing sent for empty input', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const pcm = tonePcm(1);
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, resume: false });
    await stream.sendAudio(pcm.subarray(0, 960));
    await stream.sendAudio(new Uint8Array(0));
    await stream.sendAudio(pcm.subarray(960, 9152));
    await expect(stream.sendAudio(pcm.subarray(0, 3))).rejects.toBeInstanceOf(InvalidAudioError);
    await stream.sendAudio(pcm.subarray(9152));
    const result = await stream.stop();
    const binary = record.sent.filter((frame): frame is Uint8Array => typeof frame !== 'string');
    expect(binary.map((frame) => frame.length)).toEqual([960, 8192, pcm.length - 9152]);
    expect(record.sent.at(-1)).toBe('{"event":"stop"}');
    expect(result).toMatchObject({ bytesSent: pcm.length, closedByServer: true });
    expect(await storedStream(t.server, stream.sessionId)).toEqual(pcm);
  });

  it('[#70] JSON mode: start first, then one media per frame, exactly as 6.3; the server stores the same PCM', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const pcm = tonePcm(0.5);
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory, frameMode: 'json', resume: false });
    await stream.sendAudio(pcm.subarray(0, 3200));
    await stream.sendAudio(pcm.subarray(3200));
    await stream.stop({ reason: 'user_stopped' });
    const streamId = /\/stream\/sessions\/([^/]+)\/audio/.exec(record.urls[0]!)![1];
    expect(record.sent.map((frame) => JSON.parse(frame as string))).toEqual([
      { event: 'start', start: { streamId, mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } } },
      { event: 'media', media: { payload: Buffer.from(pcm.subarray(0, 3200)).toString('base64') } },
      { event: 'media', media: { payload: Buffer.from(pcm.subarray(3200)).toString('base64') } },
      { event: 'stop', reason: 'user_stopped' },
    ]);
    expect(await storedStream(t.server, stream.sessionId)).toEqual(pcm);
  });

  it('[#71] without the resume extension the end body is the contract\'s alone: audio_files_sent 0', async () => {
    const t = await startTestServer();
    const client = ekaClient(t);
    const stream = await client.openStream({ resume: false });
    await stream.sendPcm(await speechPcm(), { pace: 'fast' });
    await stream.stop();
    expect(t.requests(/\/end$/, 'POST').map((request) => request.body)).toEqual([{ audio_files_sent: 0 }]);
  });

  it('[#71] stop: stop frame, the server closes, then end with audio_files_sent 0 (plus the resume extension\'s stream_bytes_sent); a repeat is a no-op', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const client = ekaClient(t);
    const stream = await client.openStream({ createWebSocket: factory });
    await stream.sendPcm(await speechPcm(), { pace: 'fast' });
    const first = await stream.stop();
    expect(first.closedByServer).toBe(true);
    expect(first.bytesAcknowledged).toBe(first.bytesSent);
    expect(stream.connection).toBe('closed');
    expect(first.end?.status).toBe('processing');
    expect(await stream.stop()).toBe(first);
    const ends = t.requests(/\/end$/, 'POST');
    expect(ends).toHaveLength(1);
    expect(ends[0]!.body).toEqual({ audio_files_sent: 0, stream_bytes_sent: first.bytesSent });
    const result = await client.waitForResults(stream.sessionId, { interval: 0 });
    expect(result.status).toBe('completed');
    expect(result.audioFiles.length).toBeGreaterThan(0);
    expect(result.audioFiles.every((name, index) => name === `chunk_${index}.wav`)).toBe(true);
    await expect(stream.sendAudio(new Uint8Array(2))).rejects.toBeInstanceOf(SessionStateError);
    expect(record.sent.filter((frame) => frame === '{"event":"stop"}')).toHaveLength(1);
  });

  it('[#71] after a failed end, stop again retries only the end (no second socket, no second stop frame)', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    const stream = await ekaClient(t).openStream({ createWebSocket: factory });
    await stream.sendAudio(tonePcm(0.5));
    t.server.faults.add({ kind: 'status', status: 400, body: { error: { code: 'invalid_request', message: 'try again' } }, method: 'POST', path: '/end$' });
    await expect(stream.stop()).rejects.toMatchObject({ code: 'validation_error' });
    const again = await stream.stop();
    expect(again.end?.status).toBe('processing');
    expect(record.urls).toHaveLength(1);
    expect(record.sent.filter((frame) => typeof frame === 'string' && frame.includes('"stop"'))).toHaveLength(1);
    expect(t.requests(/\/end$/, 'POST')).toHaveLength(2);
  });

  it('[#72] acks and unknown server messages are read and ignored; the stream goes on', async () => {
    const t = await startTestServer();
    const { factory, record } = recordingWebSocket();
    await using stream = await ekaClient(t).openStream({ createWebSocket: factory });
    for (let i = 0; i < 6; i++) await stream.sendAudio(tonePcm(0.25));
    await new Promise((resolve) => setTimeout(resolve, 700));
    const result = await stream.stop({ finalize: false });
    expect(record.received.length).toBeGreaterThanOrEqual(2);
    expect(record.received.every((message) => JSON.parse(String(message)).event === 'ack')).toBe(true);
    expect(result.bytesAcknowledged).toBe(6 * 8000);
    expect(concatenateArrays(Uint8Array, [await storedStream(t.server, stream.sessionId)]).length).toBe(6 * 8000);
  });
});
