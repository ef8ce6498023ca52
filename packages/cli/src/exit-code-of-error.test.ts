import { describe, expect, it } from 'vitest';
import { AuthError, APIError, ConfigError, InvalidAudioError, SessionNotFoundError, TimeoutError, AbortError } from '@scribe/node';
import { CommanderError } from 'commander';
import { EXIT_CODES } from './exit-codes';
import { exitCodeOfError } from './exit-code-of-error';

describe('exitCodeOfError', () => {
  it.each([
    ['a commander usage error', new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), EXIT_CODES.usage],
    ['ConfigError', new ConfigError('no credentials'), EXIT_CODES.usage],
    ['AuthError', new AuthError('bad secret'), EXIT_CODES.auth],
    ['InvalidAudioError', new InvalidAudioError('not audio'), EXIT_CODES.input],
    ['SessionNotFoundError', new SessionNotFoundError('no such session'), EXIT_CODES.input],
    ['APIError', new APIError('503', { status: 503 }), EXIT_CODES.service],
    ['TimeoutError', new TimeoutError('too slow'), EXIT_CODES.service],
    ['AbortError', new AbortError('Ctrl-C'), EXIT_CODES.interrupted],
    ['a plain Error', new Error('bug'), EXIT_CODES.unexpected],
    ['an unknown code', Object.assign(new Error('odd'), { code: 'ENOSPC' }), EXIT_CODES.unexpected],
    ['a non-error', 'text', EXIT_CODES.unexpected],
  ])('%s', (_name, error, code) => {
    expect(exitCodeOfError(error)).toBe(code);
  });

  it('tells errors apart by their code, so a second copy of the SDK maps the same way', () => {
    expect(exitCodeOfError({ name: 'AuthError', code: 'auth_error', message: 'from another copy' })).toBe(EXIT_CODES.auth);
  });
});
