import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, expect, it } from 'vitest';
import { ScribeProvider } from '../src';
import { Recorder } from './support/docs-recorder';
import { createTestClient } from './support/scribe-test-client';

afterEach(cleanup);

const here = dirname(fileURLToPath(import.meta.url));

it('docs/react.md shows the Recorder component of this test, verbatim', async () => {
  const docs = await readFile(join(here, '../../../docs/react.md'), 'utf8');
  const source = await readFile(join(here, 'support/docs-recorder.tsx'), 'utf8');
  const component = source.slice(source.indexOf('function Recorder() {'));
  expect(docs).toContain(component.trim());
});

it('the docs example records, stops and shows the medication of the note; then starts over', async () => {
  const { client, microphone, transport } = createTestClient();
  const { container } = render(
    <StrictMode>
      <ScribeProvider client={client} templates={['clinical_notes_template', 'eka_emr_template']} language="en">
        <Recorder />
      </ScribeProvider>
    </StrictMode>,
  );
  await act(async () => fireEvent.click(screen.getByText('Record')));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('created'));
  for (const kind of ['tone', 'tone', 'silence', 'silence'] as const) await act(() => microphone.speak(kind));
  expect(container.textContent).toContain('1/1 chunks sent');
  await act(async () => fireEvent.click(screen.getByText('Stop')));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('completed'));
  expect(screen.getByText('Paracetamol 500 mg').tagName).toBe('LI');
  expect(screen.getByText('hello').tagName).toBe('BLOCKQUOTE');
  await act(async () => fireEvent.click(screen.getByText('New consultation')));
  expect(screen.getByRole('status').textContent).toBe('idle');
  expect(transport.requests.filter((r) => r.url.endsWith('/v1/sessions'))).toHaveLength(1);
});
