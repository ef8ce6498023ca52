/**
 * The audio-source port: live 16-bit little-endian PCM frames as they are captured (a microphone, a telephony leg).
 * Iterate it once; `stop` ends capture, after which iteration finishes with the frames already captured. Adapters
 * implement it (@scribe/node: `openMicrophone`); it plugs into `sendAudio` frame by frame and, being a byte source,
 * into chunked upload with local speech detection.
 */
export interface AudioSource extends AsyncIterable<Uint8Array> {
  /** Samples per second (16000 for the SDK's sources). */
  readonly sampleRate: number;
  /** Interleaved channels (1 for the SDK's sources). */
  readonly channels: number;
  /** Ends capture; resolves once the capturing process or device is released. Idempotent. */
  stop(): Promise<void>;
}
