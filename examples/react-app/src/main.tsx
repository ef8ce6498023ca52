/**
 * The app's entry: one browser client for the page, reaching the service through the relay this app's server mounts
 * at `/api/scribe` (the page holds no secret), handed to every hook below by `ScribeProvider`.
 */
import { createBrowserClient } from '@scribe/browser';
import { ScribeProvider } from '@scribe/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './style.css';

const client = createBrowserClient({ relayUrl: '/api/scribe' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ScribeProvider client={client} templates={['clinical_notes_template', 'eka_emr_template']} language="en" mode="consultation">
      <App />
    </ScribeProvider>
  </StrictMode>,
);
