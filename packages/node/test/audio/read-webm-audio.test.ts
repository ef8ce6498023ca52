import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWebmAudio, type WebmFrame } from '../../src/audio/tracks/read-webm-audio';
import { FIXTURES } from './support/audio-test-helpers';

/** An EBML element: id bytes as written, an 8-byte size (or unknown), then the body. */
function element(id: number[], body: Uint8Array | number[], unknownSize = false): Uint8Array {
  const size = unknownSize ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x01, 0, 0, 0, 0, 0, 0, body.length];
  return Uint8Array.from([...id, ...size, ...body]);
}

function join2(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}

async function frames(bytes: Uint8Array[]) {
  const { track, frames } = await readWebmAudio((async function* () { yield* bytes; })());
  const all: WebmFrame[] = [];
  for await (const frame of frames) all.push(frame);
  return { track, frames: all };
}

describe('readWebmAudio', () => {
  it('reads the audio track and its frames from a live-style file (unknown sizes), with Xiph, EBML and no lacing', async () => {
    const entry = element([0xae], join2(element([0xd7], [2]), element([0x83], [2]), element([0x86], Array.from('A_OPUS', (c) => c.charCodeAt(0))), element([0x63, 0xa2], [9, 9])));
    const video = element([0xae], join2(element([0xd7], [1]), element([0x83], [1]), element([0x86], [0x56])));
    const xiph = element([0xa3], [0x82, 0, 10, 0x82, 2, 3, 1, 11, 11, 11, 12, 13, 13]); // 3 frames: 3, 1, 2 bytes
    const ebml = element([0xa3], [0x82, 0, 20, 0x86, 2, 0x82, 0xbe, 21, 21, 22, 23, 23]); // 3 frames: 2, then 2 - 1, then the rest
    const plain = element([0xa3], [0x82, 0, 30, 0x80, 31, 31]);
    const otherTrack = element([0xa3], [0x81, 0, 30, 0x80, 99]);
    const group = element([0xa0], join2(element([0xa1], [0x82, 0, 40, 0x00, 41]), element([0x9b], [20])));
    const cluster = join2(element([0x1f, 0x43, 0xb6, 0x75], [], true), element([0xe7], [100]), xiph, otherTrack, ebml, plain, group);
    const bytes = join2(element([0x1a, 0x45, 0xdf, 0xa3], [0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d]), element([0x18, 0x53, 0x80, 0x67], [], true), element([0x16, 0x54, 0xae, 0x6b], join2(video, entry)), cluster);
    const { track, frames: read } = await frames([bytes.subarray(0, 50), bytes.subarray(50)]);
    expect(track).toEqual({ codecId: 'A_OPUS', codecPrivate: Uint8Array.from([9, 9]) });
    expect(read.map((frame) => Array.from(frame.data))).toEqual([[11, 11, 11], [12], [13, 13], [21, 21], [22], [23, 23], [31, 31], [41]]);
    // Cluster timestamp 100 plus the block's, in milliseconds (the default scale); only the BlockGroup has a duration.
    expect(read.map((frame) => frame.timestamp)).toEqual([0.11, 0.11, 0.11, 0.12, 0.12, 0.12, 0.13, 0.14]);
    expect(read.map((frame) => frame.duration)).toEqual([0, 0, 0, 0, 0, 0, 0, 0.02]);
  });

  it('hands frames over as views of the bytes read, not copies', async () => {
    const file = new Uint8Array(await readFile(join(FIXTURES, 'speech-opus.webm')));
    const { track, frames: read } = await frames([file]);
    expect(track.codecId).toBe('A_OPUS');
    expect(read.length).toBeGreaterThan(400); // 20 ms Opus frames for 8.155 s
    for (const frame of read) expect(frame.data.buffer).toBe(file.buffer);
  });
});
