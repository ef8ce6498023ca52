import { describe, expect, it } from 'vitest';
import { KNOWN_SESSION_STATUSES, isKnownStatus, isTerminalStatus, normalizeStatus } from './session-status';

describe('session statuses [#60, #64]', () => {
  it.each([
    ['created', false],
    ['initialized', false],
    ['recording', false],
    ['processing', false],
    ['completed', true],
    ['partial', true],
    ['failed', true],
    ['expired', true],
    ['queued', false],
    ['', false],
  ])('%s terminal = %s', (status, terminal) => {
    expect(isTerminalStatus(status)).toBe(terminal);
  });

  it('knows the eight statuses of 3.1 and nothing else', () => {
    expect(KNOWN_SESSION_STATUSES).toHaveLength(8);
    expect(KNOWN_SESSION_STATUSES.every((status) => isKnownStatus(status))).toBe(true);
    expect(isKnownStatus('transcribing')).toBe(false);
    expect(isTerminalStatus(undefined)).toBe(false);
  });

  it('matches known statuses case-insensitively and keeps unknown strings verbatim', () => {
    expect(normalizeStatus('COMPLETED')).toBe('completed');
    expect(normalizeStatus(' Partial ')).toBe('partial');
    expect(normalizeStatus('Transcribing')).toBe('Transcribing');
  });
});
