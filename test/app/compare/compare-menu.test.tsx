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
      'Concurrency 1',
      'Root cause fixed (replay)',
      'Naive retries',
      'Saga on',
      'Abort on failure',
      'Edit a copy (B)…',
    ]);
    for (const button of buttons) {
      const line = button.closest('li')!.querySelector('p')!;
      expect(line.textContent).not.toBe('');
      expect(button).toHaveAccessibleDescription(line.textContent!);
    }
    expect(screen.getByRole('button', { name: 'Naive retries' })).toHaveAccessibleDescription(
      // Its change is named without its effect, which the comparison would not show (tryout).
      'Runs the same as A here: no step retries. Retrying a blocked step: graph-aware → naive.',
    );
    expect(screen.getByRole('button', { name: 'Root cause fixed (replay)' })).toHaveAccessibleDescription(/^Removes the failure of Authorize payment; B replays A’s run/);
    expect(screen.getByRole('button', { name: 'Edit a copy (B)…' })).toHaveAccessibleDescription(/^B starts as a copy of A/);
  });

  // Tryout: on the payment-fails example "Saga on" promised that succeeded steps are undone,
  // but no step there has an undo handler, so B ran exactly like A and the comparison only said
  // "no step differs": a learner thought saga was broken. The menu now runs each choice when it
  // opens and says, before the press, which would run the same as A and why.
  test('a choice that would run exactly like A says so first, with the reason, and comes after the others, still pressable', () => {
    renderWith(createRippleStore({ scenario: findPreset('payment-fails')!.scenario }), <CompareMenu onClose={() => {}} />);
    const saga = screen.getByRole('button', { name: 'Saga on' });
    expect(saga).toHaveAccessibleDescription('Runs the same as A here: no step has an undo (compensation) handler, so there is nothing to undo. Compensation: none → saga.');
    expect(saga).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Abort on failure' })).toHaveAccessibleDescription(
      /^Runs the same as A here: every step still waiting at the first failure depends on it, and abort cancels only independent steps\./,
    );
    // The choices that change the run do not carry the warning, and say what their change does.
    for (const name of ['Fail-fast guard off', 'Concurrency 1', 'Root cause fixed (replay)']) {
      expect(screen.getByRole('button', { name })).not.toHaveAccessibleDescription(/Runs the same as A/);
    }
    expect(screen.getByRole('button', { name: 'Concurrency 1' })).toHaveAccessibleDescription(/^Concurrency: no limit → 1 — one step runs at a time/);
  });

  // Tryout: on these three examples "Abort on failure" said only "Runs the same as A here." The
  // engine reads why from A's events: every step not yet sent at the first failure depends on it.
  test.each(['timeout-no-guard', 'shipping-retry-graph-aware', 'artifact-checksum'])('%s: "Abort on failure" runs the same as A, and the menu says why', (name) => {
    renderWith(createRippleStore({ scenario: findPreset(name)!.scenario }), <CompareMenu onClose={() => {}} />);
    expect(screen.getByRole('button', { name: 'Abort on failure' })).toHaveAccessibleDescription(
      'Runs the same as A here: every step still waiting at the first failure depends on it, and abort cancels only independent steps. On failure: continue → abort.',
    );
  });

  test('docs skipped is fine: with no failing step, the fail-fast guard changes nothing, and the menu says why', () => {
    renderWith(createRippleStore({ scenario: findPreset('docs-skipped-is-fine')!.scenario }), <CompareMenu onClose={() => {}} />);
    expect(screen.getByRole('button', { name: 'Fail-fast guard off' })).toHaveAccessibleDescription(
      /^Runs the same as A here: no step fails, so no failure rule comes into play\. Fail-fast guard: on → off/,
    );
    const buttons = within(screen.getByRole('list', { name: 'Variants' })).getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('Concurrency 1');
  });
});
