import { describe, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import CompareMenu from '../../../src/app/compare/CompareMenu.tsx';
import { createRippleStore } from '../../../src/store/store.ts';
import { findPreset } from '../../../src/presets/index.ts';
import { renderWith } from '../../panels/helpers.tsx';

// Tryout: the choices of "Compare with…" were bare buttons; a teacher could not tell what each
// one changes before pressing it. Each now shows a line on its change, which is also the
// button's accessible description (what a screen reader says after its name).
describe('CompareMenu', () => {
  test('every choice shows what it changes, and its button is described by that line', () => {
    renderWith(createRippleStore({ scenario: findPreset('payment-fails')!.scenario }), <CompareMenu onClose={() => {}} />);
    const list = screen.getByRole('list', { name: 'Variants' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Fail-fast guard off',
      'Naive retries',
      'Saga on',
      'Abort on failure',
      'Concurrency 1',
      'Root cause fixed (replay)',
      'Edit a copy (B)…',
    ]);
    for (const button of buttons) {
      const line = button.closest('li')!.querySelector('p')!;
      expect(line.textContent).not.toBe('');
      expect(button).toHaveAccessibleDescription(line.textContent!);
    }
    expect(screen.getByRole('button', { name: 'Naive retries' })).toHaveAccessibleDescription(
      'Retrying a blocked step: graph-aware → naive — a blocked step is re-sent on its own and answers 424 each time.',
    );
    expect(screen.getByRole('button', { name: 'Root cause fixed (replay)' })).toHaveAccessibleDescription(/^Removes the failure of Authorize payment; B replays A’s run/);
    expect(screen.getByRole('button', { name: 'Edit a copy (B)…' })).toHaveAccessibleDescription(/^B starts as a copy of A/);
  });
});
