import { APIError, InvalidAudioError, RateLimitError, ScribeError, SessionExpiredError, SessionNotFoundError, SessionStateError } from '../errors';

/**
 * The close code a WebSocket factory reports when the handshake was answered with a redirect it refused to follow
 * (never sent by a server; the reason names the target host). The stream URL is the credential, so it is not re-sent.
 */
export const REDIRECT_REFUSED_CLOSE_CODE = 4300;

/** Close codes after which reconnecting cannot help (contract 6.5); every other abnormal close is reconnectable. */
const FATAL_CODES = new Set([1003, 1009, 4001, 4404, 4409, 4410, 4429, REDIRECT_REFUSED_CLOSE_CODE]);

/** True when a close with this code ends the stream for good. */
export function isFatalCloseCode(code: number): boolean {
  return FATAL_CODES.has(code);
}

/**
 * The typed error for a server close (contract 6.5): 4404 → SessionNotFoundError, 4409 → SessionStateError, 4410 →
 * SessionExpiredError, 1003/1009 → InvalidAudioError, 4429 → RateLimitError, anything else → APIError. `details`
 * carry the close code and reason; the stream URL (a credential) is never included.
 */
export function streamCloseError(code: number, reason: string, sessionId: string): ScribeError {
  const said = reason ? `: ${reason}` : '';
  const details = { close_code: code, close_reason: reason, session_id: sessionId };
  switch (code) {
    case 4404:
      return new SessionNotFoundError(`The service does not know this stream (close 4404${said}).`, { details });
    case 4409:
      return new SessionStateError(`Session ${sessionId} was already ended; it takes no more audio (close 4409${said}).`, { details });
    case 4410:
      return new SessionExpiredError(`Session ${sessionId} expired while streaming (close 4410${said}); create a new session.`, { details });
    case 1003:
    case 1009:
      return new InvalidAudioError(`The service refused the audio (close ${code}${said}). Send raw PCM 16-bit little-endian mono at 16 kHz.`, { details });
    case 4429:
      return new RateLimitError(`Audio was sent faster than the service allows (close 4429${said}); send at most max_speed times real time.`, { details });
    case REDIRECT_REFUSED_CLOSE_CODE:
      return new APIError(`The stream's WebSocket handshake was ${reason || 'redirected'}: a redirect is never followed, since the stream URL is the credential. Check the service's upload_url.`, { details });
    case 4001:
      return new APIError(`Another connection to this stream's URL took it over (close 4001${said}).`, { details });
    default:
      return new APIError(`The stream connection closed unexpectedly (close ${code}${said}).`, { details, retryable: true });
  }
}
