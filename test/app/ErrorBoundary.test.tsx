import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { ErrorBoundary } from '../../src/app/ErrorBoundary.tsx';
import { renderWithStore, scenario } from './render.tsx';

// A part of the editor that throws while drawing is replaced by a way back; the rest of the
// page and the draft in the store live on.

let broken = true;
function Fragile() {
  if (broken) throw new Error('canvas exploded');
  return <p>canvas drawn</p>;
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

describe('ErrorBoundary', () => {
  test('shows what went wrong and that the draft is safe; the rest of the page still works', () => {
    broken = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store } = renderWithStore(
      <>
        <ErrorBoundary what="drawing the canvas">
          <Fragile />
        </ErrorBoundary>
        <Counter />
      </>,
      { scenario: scenario([{ id: 'a', label: 'Mine' }], [], { title: 'My draft' }) },
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong drawing the canvas — your draft is safe.');
    expect(alert).toHaveTextContent('canvas exploded');
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeInTheDocument();
    expect(store.getState().scenario.title).toBe('My draft');
    vi.mocked(console.error).mockRestore();
  });

  test('Try again draws the part anew; Download draft saves the scenario as JSON', async () => {
    broken = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:draft';
    };
    URL.revokeObjectURL = () => undefined;
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithStore(
      <ErrorBoundary what="drawing the canvas">
        <Fragile />
      </ErrorBoundary>,
      { scenario: scenario([{ id: 'a', label: 'Mine' }], [], { title: 'My draft' }) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download draft' }));
    expect(clicked).toHaveBeenCalledOnce();
    expect(clicked.mock.contexts[0]).toHaveProperty('download', 'my-draft.ripple.json');
    expect(JSON.parse(await created[0].text())).toMatchObject({ title: 'My draft', steps: [{ id: 'a', label: 'Mine' }] });

    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('canvas drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    clicked.mockRestore();
    vi.mocked(console.error).mockRestore();
  });
});
