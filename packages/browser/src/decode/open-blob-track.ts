import type { Input, InputAudioTrack } from 'mediabunny';
import { InvalidAudioError, ScribeError, type PcmBlock } from '@scribe/core';
import { readMp3Gapless } from './read-mp3-gapless';

/** A blob opened by the demuxer: whether its audio track decodes here, and its blocks when it does. */
export interface BlobTrack {
  /** True when the track can be decoded as a stream (WebCodecs, or mediabunny's own PCM decoder for WAV). */
  readonly decodable: boolean;
  /** Why it cannot, for messages ("WebCodecs is not available", "this browser cannot decode aac"). */
  readonly reason: string;
  /** The decoded blocks, in order, one per decoded sample. Only when `decodable`. */
  blocks(): AsyncIterable<PcmBlock>;
  /** Releases the demuxer and its read cache. */
  dispose(): void;
}

// Enough for an ID3v2 tag with a small cover image and the first MP3 frame behind it.
const HEAD_BYTES = 256 * 1024;

const PADDED_CODECS = new Set(['aac', 'opus', 'vorbis']);

// The demuxer's read cache: enough for a WebM cluster or an mp4 chunk, small next to any decoded audio.
const CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Opens a blob with mediabunny (WAV, MP3, Ogg, WebM/Matroska, MP4/M4A, FLAC, ADTS), reading only the byte ranges it
 * needs. A blob whose container is not recognised, or that holds no audio track the demuxer reads, comes back not
 * decodable, so the `decodeAudioData` fallback may still try it.
 */
export async function openBlobTrack(blob: Blob, label: string): Promise<BlobTrack> {
  const mediabunny = await import('mediabunny');
  const input = new mediabunny.Input({
    source: new mediabunny.BlobSource(blob, { maxCacheSize: CACHE_BYTES, handleUnhandledError: () => undefined }),
    formats: mediabunny.ALL_FORMATS,
  });
  const dispose = () => input.dispose();
  try {
    if (!(await input.canRead())) return notDecodable('the container format was not recognised', dispose);
    const track = await input.getPrimaryAudioTrack();
    // Some codecs the demuxer does not map (FLAC in Ogg) still play through decodeAudioData: the fallback decides.
    if (!track) return notDecodable(`the demuxer found no audio track it can read in this ${await formatName(input)} file`, dispose);
    const codec = await track.getCodec();
    if (!(await track.canDecode())) {
      const reason = typeof AudioDecoder === 'undefined' ? 'WebCodecs is not available in this browser' : `this browser's WebCodecs cannot decode ${codec ?? 'its codec'}`;
      return notDecodable(reason, dispose);
    }
    // The track's duration ends the audio at its real length where codecs pad their last frame (AAC, Opus, Vorbis).
    // FLAC and PCM are left alone (no padding; and mediabunny's duration scan of a truncated FLAC file never
    // returns); MP3 is cut by its LAME header below.
    const end = codec && PADDED_CODECS.has(codec) ? await track.computeDuration() : Number.POSITIVE_INFINITY;
    // Priming before time 0 is cut too, except for Opus: Chromium's decoder already drops the pre-skip that an MP4
    // edit list also declares (its first sample then says -6.5 ms but is time 0), so Opus keeps `duration` from there.
    const first = codec === 'opus' ? Math.min(0, await track.getFirstTimestamp()) : 0;
    let [start, stop] = [first, first + end];
    if (codec === 'mp3') {
      const gapless = readMp3Gapless(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()));
      if (gapless) [start, stop] = [gapless.skip / gapless.sampleRate, (gapless.skip + gapless.samples) / gapless.sampleRate];
    }
    return { decodable: true, reason: '', blocks: () => trackBlocks(track, start, stop), dispose };
  } catch (error) {
    dispose();
    if (ScribeError.is(error)) throw error;
    throw new InvalidAudioError(`${label} could not be read as an audio file (it may be damaged or cut short): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function notDecodable(reason: string, dispose: () => void): BlobTrack {
  return { decodable: false, reason, blocks: () => noBlocks(), dispose };
}

async function* noBlocks(): AsyncGenerator<PcmBlock> {}

async function formatName(input: Input): Promise<string> {
  return (await input.getFormat().catch(() => undefined))?.name ?? 'unknown container';
}

/**
 * The track's decoded samples as blocks, cut to [start, end) seconds: priming before 0 (AAC's 1024 samples) and
 * padding after the track's duration are not audio.
 */
async function* trackBlocks(track: InputAudioTrack, start: number, end: number): AsyncGenerator<PcmBlock> {
  const { AudioSampleSink } = await import('mediabunny');
  const sink = new AudioSampleSink(track);
  for await (const sample of sink.samples()) {
    try {
      const rate = sample.sampleRate;
      const first = Math.max(0, Math.round((start - sample.timestamp) * rate));
      const last = Math.min(sample.numberOfFrames, Math.round((end - sample.timestamp) * rate));
      const frames = last - first;
      if (frames <= 0) continue;
      const channels: Float32Array[] = [];
      for (let plane = 0; plane < sample.numberOfChannels; plane++) {
        const channel = new Float32Array(frames);
        sample.copyTo(channel, { planeIndex: plane, format: 'f32-planar', frameOffset: first, frameCount: frames });
        channels.push(channel);
      }
      yield { channels, sampleRate: sample.sampleRate };
    } finally {
      sample.close();
    }
  }
}
