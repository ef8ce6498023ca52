import { InvalidAudioError, type PcmBlock } from '@scribe/core';

// Blocks handed on from a whole decoded buffer: one second at a time, like a streaming decoder's output.
const BLOCK_SECONDS = 1;

/**
 * The fallback for short files that WebCodecs cannot stream: `decodeAudioData` on an OfflineAudioContext, which
 * decodes the whole file at its own rate (the file's, not a device's), then hands it on in one-second blocks.
 * The caller bounds the blob's size first.
 */
export async function* decodeWithAudioContext(blob: Blob, label: string, reason: string, signal?: AbortSignal): AsyncGenerator<PcmBlock> {
  const Context = (globalThis as { OfflineAudioContext?: typeof OfflineAudioContext }).OfflineAudioContext;
  if (!Context) {
    throw new InvalidAudioError(`${label} cannot be decoded in this browser (${reason}, and Web Audio is not available either). Convert it to WAV, or decode it on the server.`);
  }
  const bytes = await blob.arrayBuffer();
  signal?.throwIfAborted();
  let buffer: AudioBuffer;
  try {
    // The rate given here does not matter: decodeAudioData resamples to it, so the file's rate is unknown up front;
    // 48 kHz keeps every common rate's content (core resamples to 16 kHz).
    buffer = await new Context(1, 1, 48_000).decodeAudioData(bytes);
  } catch (error) {
    throw new InvalidAudioError(
      `${label} could not be decoded (${reason}, and the browser's decodeAudioData refused it: ${error instanceof Error ? error.message : String(error)}). The file may be damaged, or in a format this browser does not play: convert it to MP3, WAV or Opus (WebM/Ogg).`,
      { cause: error },
    );
  }
  const step = Math.round(buffer.sampleRate * BLOCK_SECONDS);
  for (let start = 0; start < buffer.length; start += step) {
    const end = Math.min(buffer.length, start + step);
    const channels: Float32Array[] = [];
    for (let channel = 0; channel < buffer.numberOfChannels; channel++) channels.push(buffer.getChannelData(channel).slice(start, end));
    yield { channels, sampleRate: buffer.sampleRate };
  }
}
