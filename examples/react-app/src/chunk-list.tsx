import type { UseScribeReturn } from '@scribe/react';
import type { ChunkEntry, ChunkState } from './use-chunk-log';

const STATE_TEXT: Record<ChunkState, string> = { cut: 'waiting', uploading: 'uploading', retrying: 'retrying', uploaded: 'uploaded' };

/** Props of `ChunkList`. */
export interface ChunkListProps {
  /** Each chunk's own state, from `onChunk`. */
  chunks: readonly ChunkEntry[];
  /** The hook's counts (cut, uploaded, pending in the queue, failed). */
  counts: UseScribeReturn['chunks'];
  /** `reconnecting` while uploads wait for the network. */
  connection: UseScribeReturn['connection'];
}

/** The live list of speech chunks with their upload state. */
export function ChunkList({ chunks, counts, connection }: ChunkListProps) {
  if (chunks.length === 0 && counts.cut === 0) return null;
  return (
    <section className="panel chunks" aria-label="speech chunks">
      <h2>
        Speech chunks <span className="counts">{`${counts.uploaded} of ${counts.cut} uploaded${counts.pending > 0 ? `, ${counts.pending} waiting` : ''}${counts.failed > 0 ? `, ${counts.failed} failed` : ''}`}</span>
      </h2>
      {connection === 'reconnecting' && <p className="offline">Waiting for the network: chunks are kept in this browser and sent when it is back.</p>}
      <ol>
        {chunks.map((chunk) => (
          <li key={chunk.index} className="chunk" data-index={chunk.index} data-state={chunk.state}>
            <span className="name">{`chunk_${chunk.index}.wav`}</span>
            {chunk.durationSeconds !== undefined && <span className="length">{`${chunk.durationSeconds.toFixed(1)} s`}</span>}
            <span className="state">{STATE_TEXT[chunk.state]}{chunk.retries > 0 ? ` (${chunk.retries} retries)` : ''}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
