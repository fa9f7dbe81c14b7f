import { describe, expect, test } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { StepCanvas } from '../../src/canvas/StepCanvas.tsx';
import { edgeAfterSelectChanges, stepsAfterSelectChanges } from '../../src/canvas/selection-changes.ts';
import { findPreset } from '../../src/presets/index.ts';
import { renderWithStore } from '../app/render.tsx';

// The store holds the selection; the canvas only reports what the person did. A canvas that
// mounts with a step already selected (back from the table view, a link, the recovery screen)
// once swapped selections with React Flow forever: React error #185, a blank page.

const payment = findPreset('payment-fails')!.scenario;

/** The canvas behind a button that unmounts and remounts it, as the Table view button does. */
function CanvasOrTable({ initial = true }: { initial?: boolean }) {
  const [canvas, setCanvas] = useState(initial);
  return (
    <div style={{ width: 1200, height: 800 }}>
      <button type="button" onClick={() => setCanvas((shown) => !shown)}>
        Table view
      </button>
      {canvas ? <StepCanvas colorMode="light" /> : <p>table</p>}
    </div>
  );
}

const selectedNodeIds = () => [...document.querySelectorAll('.react-flow__node.selected')].map((n) => n.getAttribute('data-id'));

describe('a canvas mounted with a step selected', () => {
  test('canvas → table → canvas keeps the selection and does not loop', async () => {
    const { store } = renderWithStore(<CanvasOrTable />, { scenario: payment });
    await screen.findByTestId('step-node-create-invoice');
    act(() => store.getState().setSelection(['create-invoice']));
    for (let round = 0; round < 2; round++) {
      fireEvent.click(screen.getByRole('button', { name: 'Table view' }));
      await screen.findByText('table');
      fireEvent.click(screen.getByRole('button', { name: 'Table view' }));
      await screen.findByTestId('step-node-create-invoice');
      await waitFor(() => expect(selectedNodeIds()).toEqual(['create-invoice']));
    }
    expect(store.getState().selectedStepIds).toEqual(['create-invoice']);
  });

  test('the first mount with a step selected shows it selected', async () => {
    const { store } = renderWithStore(<CanvasOrTable initial={false} />, { scenario: payment });
    act(() => store.getState().selectStep('send-receipt'));
    // The canvas's very first nodes arrive selected.
    fireEvent.click(screen.getByRole('button', { name: 'Table view' }));
    await screen.findByTestId('step-node-send-receipt');
    await waitFor(() => expect(selectedNodeIds()).toEqual(['send-receipt']));
    expect(store.getState().selectedStepIds).toEqual(['send-receipt']);
  });

  test('a click selects through the store; a click on the empty pane clears it', async () => {
    const { store } = renderWithStore(<CanvasOrTable />, { scenario: payment });
    const invoice = await screen.findByTestId('step-node-create-invoice');
    fireEvent.click(invoice);
    await waitFor(() => expect(store.getState().selectedStepIds).toEqual(['create-invoice']));
    await waitFor(() => expect(selectedNodeIds()).toEqual(['create-invoice']));
    fireEvent.click(document.querySelector('.react-flow__pane')!);
    await waitFor(() => expect(store.getState().selectedStepIds).toEqual([]));
    await waitFor(() => expect(selectedNodeIds()).toEqual([]));
  });
});

describe('select changes → store selection', () => {
  test('steps: selected ones join, unselected ones leave, in the order picked', () => {
    const after = stepsAfterSelectChanges(['a'], [
      { type: 'select', id: 'c', selected: true },
      { type: 'select', id: 'a', selected: false },
      { type: 'select', id: 'b', selected: true },
    ]);
    expect(after).toEqual(['c', 'b']);
  });

  test('steps: changes that change nothing give back the same list', () => {
    const current = ['a'];
    expect(stepsAfterSelectChanges(current, [{ type: 'select', id: 'a', selected: true }, { type: 'select', id: 'b', selected: false }])).toBe(current);
    expect(stepsAfterSelectChanges(current, [{ type: 'dimensions', id: 'a' }])).toBe(current);
  });

  test('edges: one edge at a time; unselecting it clears it, unselecting another does not', () => {
    const ends = (id: string) => {
      const [from, to] = id.split('->');
      return to === undefined ? null : { from, to };
    };
    const ab = { from: 'a', to: 'b' };
    expect(edgeAfterSelectChanges(null, [{ type: 'select', id: 'a->b', selected: true }], ends)).toEqual(ab);
    expect(edgeAfterSelectChanges(ab, [{ type: 'select', id: 'a->b', selected: false }, { type: 'select', id: 'b->c', selected: true }], ends)).toEqual({ from: 'b', to: 'c' });
    expect(edgeAfterSelectChanges(ab, [{ type: 'select', id: 'b->c', selected: true }, { type: 'select', id: 'a->b', selected: false }], ends)).toEqual({ from: 'b', to: 'c' });
    expect(edgeAfterSelectChanges(ab, [{ type: 'select', id: 'a->b', selected: false }], ends)).toBeNull();
    expect(edgeAfterSelectChanges(ab, [{ type: 'select', id: 'b->c', selected: false }], ends)).toBe(ab);
    expect(edgeAfterSelectChanges(ab, [{ type: 'select', id: 'nope', selected: true }], ends)).toBe(ab);
  });
});
