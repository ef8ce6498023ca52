import type { StreamConnectionState, StreamListener, StreamSession, StreamSnapshot, StreamStopOptions, StreamStopResult } from '@scribe/core/internal';
import { streamPcm, type PcmStreamSource, type StreamPcmOptions, type StreamPcmResult } from './stream-pcm';

/** A live stream on Node: the core stream, disposable with `await using` (which stops it and ends the session). */
export interface NodeAudioStream extends StreamSession, AsyncDisposable {
  /** The service's speed limit used by `pace: 'fast'` (discovery `extensions.stream.max_speed`, default 8). */
  readonly maxSpeed: number;
  /**
   * Sends raw 16 kHz mono s16le PCM from a file path, bytes, a Node `Readable` or an audio source (a microphone),
   * at real-time pace (default) or as fast as allowed. Does not stop the stream.
   */
  sendPcm(source: PcmStreamSource, options?: StreamPcmOptions): Promise<StreamPcmResult>;
}

/** Wraps a core stream for Node. */
export function toNodeAudioStream(stream: StreamSession, maxSpeed: number): NodeAudioStream {
  return {
    sessionId: stream.sessionId,
    frameMode: stream.frameMode,
    resume: stream.resume,
    maxSpeed,
    get connection(): StreamConnectionState {
      return stream.connection;
    },
    getSnapshot: (): StreamSnapshot => stream.getSnapshot(),
    subscribe: (listener: StreamListener) => stream.subscribe(listener),
    connect: () => stream.connect(),
    opened: () => stream.opened(),
    sendAudio: (pcm, options) => stream.sendAudio(pcm, options),
    stop: (options?: StreamStopOptions): Promise<StreamStopResult> => stream.stop(options),
    abort: (reason?: unknown) => stream.abort(reason),
    sendPcm: (source, options) => streamPcm(stream, source, options, maxSpeed),
    [Symbol.asyncDispose]: async () => {
      await stream.stop();
    },
  };
}
