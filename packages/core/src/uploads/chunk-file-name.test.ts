import { describe, expect, it } from 'vitest';
import { chunkFileName, fileExtension, parseChunkFileName } from './chunk-file-name';

describe('chunkFileName', () => {
  it('[#36] {prefix}_{index}.{ext}, decimal, not zero-padded, default prefix chunk', () => {
    expect(chunkFileName(0)).toBe('chunk_0.wav');
    expect(chunkFileName(10)).toBe('chunk_10.wav');
    expect(chunkFileName(3, { prefix: 'visit', extension: 'webm' })).toBe('visit_3.webm');
  });

  it('refuses negative or fractional indexes and unsafe prefixes', () => {
    expect(() => chunkFileName(-1)).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(() => chunkFileName(1.5)).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(() => chunkFileName(1, { prefix: 'a/b' })).toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(() => chunkFileName(1, { extension: '.wav' })).toThrow(expect.objectContaining({ code: 'validation_error' }));
  });

  it('parses names back per the server pattern', () => {
    expect(parseChunkFileName('chunk_10.wav')).toEqual({ prefix: 'chunk', index: 10, extension: 'wav' });
    expect(parseChunkFileName('audio_01.wav')).toBeUndefined();
    expect(parseChunkFileName('audio.wav')).toBeUndefined();
    expect(fileExtension('A.WAV')).toBe('wav');
    expect(fileExtension('noext')).toBe('');
  });
});
