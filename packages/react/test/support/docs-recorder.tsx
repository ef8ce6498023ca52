import { useScribe } from '../../src';

/** The example component of docs/react.md, verbatim (test/docs-example.test.tsx checks that the two agree). */
export function Recorder() {
  const { status, isRecording, isPaused, level, elapsedMs, chunks, result, error, start, pause, resume, stop, reset, uploadFile } = useScribe();
  const emr = result?.notes.eka_emr_template; // typed: symptoms, vitals, medications, diagnoses, advice, follow-up
  const finished = status === 'completed' || status === 'partial' || status === 'failed' || status === 'error';
  return (
    <section>
      {status === 'idle' && <button onClick={start}>Record</button>}
      {(isRecording || isPaused) && <button onClick={stop}>Stop</button>}
      {isRecording && <button onClick={pause}>Pause</button>}
      {isPaused && <button onClick={resume}>Resume</button>}
      {status === 'idle' && <input type="file" accept="audio/*" onChange={(e) => e.target.files?.[0] && uploadFile(e.target.files[0])} />}
      <meter min={0} max={1} value={level} /> {Math.round(elapsedMs / 1000)} s, {chunks.uploaded}/{chunks.cut} chunks sent
      <p role="status">{status}{error && `: ${error.message}`}</p>
      <ul>{emr?.medications.map((m) => <li key={m.name}>{m.text}</li>)}</ul>
      {result?.transcript && <blockquote>{result.transcript}</blockquote>}
      {finished && <button onClick={reset}>New consultation</button>}
    </section>
  );
}
