import { describe, expect, test, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { Gallery } from '../../src/panels/Gallery.tsx';
import { PRESETS } from '../../src/presets/index.ts';
import { renderWithStore } from '../app/render.tsx';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Gallery', () => {
  test('lists every preset with its one sentence; the first is marked "Start here" and focused', () => {
    renderWithStore(<Gallery onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Pick a scenario' })).toBeInTheDocument();
    for (const p of PRESETS) {
      expect(screen.getByRole('button', { name: new RegExp(escape(p.title)) })).toBeInTheDocument();
      if (p.description) expect(screen.getByText(p.description)).toBeInTheDocument();
    }
    expect(screen.getByText('Start here')).toBeInTheDocument();
    expect(document.activeElement).toHaveTextContent(PRESETS[0].title);
  });

  test('"Start with an empty canvas" heads the examples (below them, a first-time user did not find it), first in the Tab order after Close', () => {
    renderWithStore(<Gallery onClose={() => {}} />);
    const empty = screen.getByRole('button', { name: 'Start with an empty canvas' });
    const examples = screen.getByRole('list');
    expect(empty.compareDocumentPosition(examples) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.slice(0, 3)).toEqual(['✕', 'Start with an empty canvas', expect.stringContaining(PRESETS[0].title)]);
  });

  test('picking a preset loads it and closes', async () => {
    const onClose = vi.fn();
    const { store } = renderWithStore(<Gallery onClose={onClose} />);
    await userEvent.setup().click(screen.getByRole('button', { name: new RegExp(escape(PRESETS[0].title)) }));
    expect(store.getState().scenario.title).toBe(PRESETS[0].scenario.title);
    expect(onClose).toHaveBeenCalled();
  });

  test('offers the previous draft after a load replaced edited work', async () => {
    const { store } = renderWithStore(<Gallery onClose={() => {}} />);
    act(() => {
      store.getState().addStep();
      store.getState().setTitle('My draft');
      store.getState().loadScenario(PRESETS[1].scenario);
    });
    const restore = await screen.findByRole('button', { name: /Restore previous draft “My draft”/ });
    await userEvent.setup().click(restore);
    expect(store.getState().scenario.title).toBe('My draft');
  });

  test('Escape closes it; "Start with an empty canvas" empties', async () => {
    const onClose = vi.fn();
    const { store } = renderWithStore(<Gallery onClose={onClose} />, { scenario: PRESETS[0].scenario });
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Start with an empty canvas' }));
    expect(store.getState().scenario.steps).toEqual([]);
  });

  test('opened by itself (nothing focused), picking with Enter hands focus to Run; an empty canvas to "Add a step"', async () => {
    function Host({ button }: { button: string }) {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button type="button" {...{ [button]: true }}>
            next
          </button>
          {open && <Gallery onClose={() => setOpen(false)} />}
        </>
      );
    }
    const user = userEvent.setup();
    const first = renderWithStore(<Host button="data-run-button" />);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toHaveAttribute('data-run-button');
    first.unmount();

    renderWithStore(<Host button="data-add-step-button" />);
    await user.click(screen.getByRole('button', { name: 'Start with an empty canvas' }));
    expect(document.activeElement).toHaveAttribute('data-add-step-button');
  });

  test('a file dropped on the page closes it (the share menu opens the file, and what it says is not hidden)', () => {
    const onClose = vi.fn();
    renderWithStore(<Gallery onClose={onClose} />);
    const drop = (types: string[]) => {
      const event = new Event('drop', { bubbles: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types, files: [] } });
      act(() => {
        window.dispatchEvent(event);
      });
    };
    drop(['text/plain']);
    expect(onClose).not.toHaveBeenCalled();
    drop(['Files']);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
