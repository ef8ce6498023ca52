/**
 * The consultation screen: record (or upload a file), watch the speech chunks go up, read the note. Everything shown
 * comes from `useScribe()`; the chunk list also listens to `onChunk` for each chunk's own state.
 */
import { useScribe } from '@scribe/react';
import { ChunkList } from './chunk-list';
import { NoteView } from './note-view';
import { PendingSessions } from './pending-sessions';
import { RecorderControls } from './recorder-controls';
import { useChunkLog } from './use-chunk-log';

/** The whole page. */
export function App() {
  const chunkLog = useChunkLog();
  const scribe = useScribe({ onChunk: chunkLog.record });
  const startOver = () => {
    chunkLog.clear();
    scribe.reset();
  };
  return (
    <main>
      <header>
        <h1>Consultation scribe</h1>
        <p className="hint">Speech is found in this tab; only speech is sent, through this app's relay. The page holds no secret.</p>
      </header>
      <PendingSessions pending={scribe.pending} resumePending={scribe.resumePending} />
      <RecorderControls scribe={scribe} onStartOver={startOver} />
      {scribe.error && (
        <p className="error" role="alert" data-code={scribe.error.code}>
          {scribe.error.message}
        </p>
      )}
      <ChunkList chunks={chunkLog.chunks} counts={scribe.chunks} connection={scribe.connection} />
      {scribe.result && <NoteView result={scribe.result} />}
    </main>
  );
}
