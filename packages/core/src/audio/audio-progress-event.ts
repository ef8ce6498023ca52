import type { UploadProgressEvent } from '../uploads/chunk-uploader';

/** Progress of the local audio pipeline. Event names are kebab nouns, like the uploader's. */
export type AudioProgressEvent =
  /** More input was decoded; `seconds` of the source have been read so far. */
  | { type: 'audio-decoded'; seconds: number }
  /**
   * Speech was confirmed (it lasted the detector's minimum): `startSeconds` is where its segment starts (pre-pad
   * included), `seconds` where the pipeline stands as it is confirmed. Once per segment, before its `speech-found`.
   */
  | { type: 'speech-started'; startSeconds: number; seconds: number }
  /** A speech segment ended; `speechSeconds` is the total speech (pads included) found so far. */
  | { type: 'speech-found'; speechSeconds: number; startSeconds: number; endSeconds: number }
  /** A chunk is ready to upload; `index` counts this stream's chunks from 0 (the upload index may be offset). */
  | { type: 'chunk-ready'; index: number; startSeconds: number; endSeconds: number; durationSeconds: number; byteLength: number };

/** Everything a decode-detect-upload run reports, in one union: the pipeline's events and the uploader's. */
export type ScribeProgressEvent = AudioProgressEvent | UploadProgressEvent;
