// A minimal recording app: the microphone through the relay, local speech detection, the durable queue, the note.
import { createBrowserClient } from '@scribe/browser';

const client = createBrowserClient({ relayUrl: '/api/scribe' });
const session = client.session({ audio: { microphone: {} } });
session.subscribe(() => console.log(session.getSnapshot().status));
document.querySelector('#record')?.addEventListener('click', () => void session.start());
document.querySelector('#stop')?.addEventListener('click', () => void session.stop().then(() => session.result()).then(console.log));
