/**
 * The recorder page: one session at a time, recorded from the microphone or read from a file, through the relay at
 * `/api/scribe` (no secret in this page). Everything shown comes from the session's snapshot and its progress events.
 */
import { createBrowserClient, type BrowserSessionAudio, type ScribeSession } from '@scribe/browser';
import { renderNote } from './render-note';

const client = createBrowserClient({ relayUrl: '/api/scribe' });
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const recordButton = $<HTMLButtonElement>('record');
const pauseButton = $<HTMLButtonElement>('pause');
const stopButton = $<HTMLButtonElement>('stop');
const fileInput = $<HTMLInputElement>('file');
let session: ScribeSession | undefined;

// A recording interrupted by a reload, a crash or a lost network left its chunks in the tab's durable queue: finish
// those sessions first (their chunks are uploaded in order and the session ended), then show the newest one's note.
void finishPendingSessions();

recordButton.addEventListener('click', () => void run({ microphone: {} }));
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void run({ file });
});
pauseButton.addEventListener('click', () => {
  if (!session) return;
  if (session.getSnapshot().activity.paused) session.resume();
  else session.pause();
});
stopButton.addEventListener('click', () => void session?.stop().catch(() => undefined));

/** Runs one session from start to note; the snapshot drives every control. */
async function run(audio: BrowserSessionAudio): Promise<void> {
  $('chunks').replaceChildren();
  $('note').hidden = true;
  showError(undefined);
  session = client.session({
    audio,
    create: { templates: ['clinical_notes_template', 'eka_emr_template'], sessionMode: 'consultation' },
    onProgress: (event) => {
      if (event.type === 'chunk-ready') chunkItem(event.index).dataset.state = 'queued';
      if (event.type === 'chunk-uploaded') chunkItem(event.index).dataset.state = 'uploaded';
    },
  });
  const unsubscribe = session.subscribe(() => render(session!));
  render(session);
  try {
    await session.start();
    const result = await session.result();
    $('transcript').textContent = result.transcript ?? '';
    renderNote($('cards'), result);
    $('note').hidden = false;
  } catch (error) {
    showError(error);
  } finally {
    unsubscribe();
    render(session);
  }
}

async function finishPendingSessions(): Promise<void> {
  const pending = await client.pendingSessions();
  if (pending.length === 0) return;
  const status = $('status');
  status.textContent = `finishing ${pending.length} unfinished recording${pending.length === 1 ? '' : 's'}`;
  status.dataset.status = 'resuming';
  try {
    const resumed = (await client.resumePending()).filter((outcome) => outcome.outcome === 'ended');
    const newest = resumed.at(-1);
    if (!newest) return;
    const result = await client.waitForResults(newest.sessionId);
    $('transcript').textContent = result.transcript ?? '';
    renderNote($('cards'), result);
    $('note').hidden = false;
    status.textContent = result.status;
    status.dataset.status = result.status;
  } catch (error) {
    showError(error);
  }
}

function render(current: ScribeSession): void {
  const { status, activity } = current.getSnapshot();
  const recording = status === 'created' || status === 'recording';
  const statusElement = $('status');
  statusElement.textContent = activity.paused ? 'paused' : status;
  statusElement.dataset.status = status;
  $<HTMLMeterElement>('level').value = activity.level;
  const seconds = Math.floor(activity.elapsedMs / 1000);
  $('elapsed').textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  recordButton.disabled = !['idle', 'completed', 'partial', 'failed', 'expired', 'cancelled', 'error'].includes(status);
  fileInput.disabled = recordButton.disabled;
  pauseButton.disabled = !recording;
  pauseButton.textContent = activity.paused ? 'Resume' : 'Pause';
  stopButton.disabled = !recording;
}

function chunkItem(index: number): HTMLElement {
  const list = $('chunks');
  let item = list.querySelector<HTMLElement>(`li[data-index="${index}"]`);
  if (!item) {
    item = document.createElement('li');
    item.dataset.index = String(index);
    item.textContent = `chunk ${index + 1}`;
    list.append(item);
  }
  return item;
}

function showError(error: unknown): void {
  const element = $('error');
  element.hidden = error === undefined;
  element.textContent = error instanceof Error ? error.message : error === undefined ? '' : String(error);
}
