import { render, screen } from '@testing-library/react';
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';

it('runs against the React major of its project, with react-dom, react-dom/server and Testing Library on the same copy', () => {
  expect(version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR);
  expect(domVersion).toBe(version);
  // Elements made by one React copy and rendered by another copy's react-dom fail: these succeed only on one copy.
  render(<p>{version}</p>);
  expect(screen.getByText(version).textContent).toBe(version);
  expect(renderToString(<b>{version}</b>)).toBe(`<b>${version}</b>`);
});
