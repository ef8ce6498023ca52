import { describe, expect, it } from 'vitest';
import { advertisedContentType, contentTypeForFileName } from './content-type';

describe('contentTypeForFileName', () => {
  it('[#37] maps extensions case-insensitively per 5.3', () => {
    expect(contentTypeForFileName('chunk_0.wav', 'eka')).toBe('audio/wav');
    expect(contentTypeForFileName('chunk_0.WAV', 'eka')).toBe('audio/wav');
    expect(contentTypeForFileName('chunk_0.webm', 'eka')).toBe('audio/webm;codecs=opus');
    expect(contentTypeForFileName('chunk_0.ogg', 'eka')).toBe('audio/ogg;codecs=opus');
    expect(contentTypeForFileName('chunk_0.m4a', 'eka')).toBe('audio/mp4');
    expect(contentTypeForFileName('chunk_0.mp4', 'eka')).toBe('audio/mp4');
    expect(contentTypeForFileName('chunk_0.flac', 'eka')).toBe('application/octet-stream');
  });

  it('[#37] .mp3 is audio/mp3 in eka (production spelling), audio/mpeg in msa', () => {
    expect(contentTypeForFileName('chunk_0.mp3', 'eka')).toBe('audio/mp3');
    expect(contentTypeForFileName('chunk_0.mp3', 'msa')).toBe('audio/mpeg');
  });
});

describe('advertisedContentType', () => {
  it('[#37] msa sends the advertised string byte for byte', () => {
    expect(advertisedContentType('chunk_0.wav', ['audio/webm;codecs=opus', 'Audio/X-WAV'])).toBe('Audio/X-WAV');
    expect(advertisedContentType('chunk_0.mp3', ['audio/mp3'])).toBe('audio/mp3');
    expect(advertisedContentType('chunk_0.webm', ['audio/webm', 'audio/webm; codecs=opus'])).toBe('audio/webm; codecs=opus');
    expect(advertisedContentType('chunk_0.ogg', ['audio/ogg'])).toBe('audio/ogg');
  });

  it('[#37] a format the service does not list → InvalidAudioError naming the list', () => {
    expect(() => advertisedContentType('chunk_0.wav', ['audio/webm;codecs=opus'])).toThrow(
      expect.objectContaining({ code: 'invalid_audio', details: expect.objectContaining({ supported_formats: ['audio/webm;codecs=opus'] }) }),
    );
    expect(() => advertisedContentType('chunk_0.bin', ['audio/wav'])).toThrow(expect.objectContaining({ code: 'invalid_audio' }));
  });
});
