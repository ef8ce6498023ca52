import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeAudio } from '../../src/audio';
import { FIXTURES, collectMono } from './support/audio-test-helpers';

// mediabunny costs about 20 MB of resident memory to load and creates objects for every packet it demuxes: Opus and
// Vorbis in Ogg and WebM are read front to back without it, and AAC goes to ffmpeg without it. Loading it fails the test.
vi.mock('mediabunny', () => {
  throw new Error('mediabunny was loaded');
});

describe('Ogg, WebM and AAC', () => {
  it.each(['speech-opus.ogg', 'speech-vorbis.ogg', 'speech-opus.webm', 'speech-vorbis.webm', 'speech-aac.m4a'])('%s decodes without loading the mediabunny demuxer (AAC: straight to ffmpeg)', async (file) => {
    const decoded = await collectMono(decodeAudio(join(FIXTURES, file)));
    expect(decoded.samples.length / decoded.sampleRate).toBeCloseTo(8.155, 1);
  });
});
