import { describe, expect, it } from 'vitest';
import { streamCapabilities } from './stream-capabilities';
import { isFatalCloseCode, REDIRECT_REFUSED_CLOSE_CODE, streamCloseError } from './stream-close-error';
import { mediaEnvelope, startEnvelope, stopEnvelope, streamIdOf, withAckParameter } from './stream-envelope';
import type { ServiceDescription } from '../discovery/service-description';

describe('stream close codes → typed errors (contract 6.5)', () => {
  it.each([
    [4404, 'SessionNotFoundError', true],
    [4409, 'SessionStateError', true],
    [4410, 'SessionExpiredError', true],
    [1003, 'InvalidAudioError', true],
    [1009, 'InvalidAudioError', true],
    [4429, 'RateLimitError', true],
    [4001, 'APIError', true],
    [4300, 'APIError', true],
    [1006, 'APIError', false],
    [1011, 'APIError', false],
    [1001, 'APIError', false],
  ])('%i → %s (fatal: %s)', (code, name, fatal) => {
    const error = streamCloseError(code, 'why', 'ses_1');
    expect(error.name).toBe(name);
    expect(error.details).toEqual({ close_code: code, close_reason: 'why', session_id: 'ses_1' });
    expect(isFatalCloseCode(code)).toBe(fatal);
  });
});

describe('a refused handshake redirect (close 4300, issue 11 item 2)', () => {
  it('is final and names the target host the factory reported, not the stream URL', () => {
    const error = streamCloseError(REDIRECT_REFUSED_CLOSE_CODE, 'redirected (HTTP 307) to 127.0.0.2:4000', 'ses_1');
    expect(REDIRECT_REFUSED_CLOSE_CODE).toBe(4300);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('handshake was redirected (HTTP 307) to 127.0.0.2:4000');
  });
});

describe('stream envelope and URLs', () => {
  it('encodes start, media (base64) and stop as contract 6.3 shows them', () => {
    expect(JSON.parse(startEnvelope('abc'))).toEqual({ event: 'start', start: { streamId: 'abc', mediaFormat: { encoding: 'audio/x-l16', sampleRate: 16000 } } });
    expect(JSON.parse(mediaEnvelope(Uint8Array.from([0, 1, 254, 255])))).toEqual({ event: 'media', media: { payload: 'AAH+/w==' } });
    const large = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(atob(JSON.parse(mediaEnvelope(large)).media.payload).length).toBe(100_000);
    expect(stopEnvelope()).toBe('{"event":"stop"}');
    expect(stopEnvelope('user_stopped')).toBe('{"event":"stop","reason":"user_stopped"}');
  });

  it('reads the stream id after `sessions` and adds only ack=1 for resume', () => {
    expect(streamIdOf('wss://api.eka.care/voice/v1/stream/sessions/str_9/audio', 'ses_1')).toBe('str_9');
    expect(streamIdOf('not a url', 'ses_1')).toBe('ses_1');
    expect(withAckParameter('ws://127.0.0.1:1/v1/stream/sessions/x/audio')).toBe('ws://127.0.0.1:1/v1/stream/sessions/x/audio?ack=1');
    expect(withAckParameter('wss://h/p?token=a')).toBe('wss://h/p?token=a&ack=1');
  });

  it('reads extensions.stream leniently, defaulting to no resume', () => {
    const described = (extensions: unknown) => ({ discoveryDocument: { extensions } }) as unknown as ServiceDescription;
    expect(streamCapabilities(undefined)).toEqual({ resume: false, maxFrameBytes: 1048576, maxSpeed: 8 });
    expect(streamCapabilities(described({ stream: { resume: true, max_frame_bytes: 4096, max_speed: 2 } }))).toEqual({ resume: true, maxFrameBytes: 4096, maxSpeed: 2 });
    expect(streamCapabilities(described({ stream: { resume: 'yes', max_speed: -1 } }))).toEqual({ resume: false, maxFrameBytes: 1048576, maxSpeed: 8 });
  });
});
