// The recording app of browser-recorder.ts through @scribe/react: ScribeProvider + useScribe (React is external).
import { createBrowserClient } from '@scribe/browser';
import { ScribeProvider, useScribe } from '@scribe/react';
import { createRoot } from 'react-dom/client';

const client = createBrowserClient({ relayUrl: '/api/scribe' });

function Recorder() {
  const { status, level, chunks, result, start, stop } = useScribe();
  return (
    <section>
      <button onClick={start}>Record</button>
      <button onClick={stop}>Stop</button>
      <meter value={level} /> {chunks.uploaded}/{chunks.cut} {status}
      <pre>{result?.notes.clinical_notes_template?.plan}</pre>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <ScribeProvider client={client}>
    <Recorder />
  </ScribeProvider>,
);
