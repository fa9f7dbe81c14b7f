import { describe, expect, test } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/panels/Inspector.tsx';
import { PolicyPanel } from '../../src/panels/PolicyPanel.tsx';
import { EdgeInspector } from '../../src/panels/EdgeInspector.tsx';
import { insertAt, termsOf } from '../../src/panels/WhenField.tsx';
import { renderWithStore, scenario } from '../app/render.tsx';
import type { DependencyCondition, Step } from '../../src/scenario/types.ts';

// Scenario version 2 in the inspector and the policy panel (issue #10): the run condition typed
// with a live message, its term helper, the success status, "even if it failed", groups and
// the saga option.

/** build and docs feed deploy, with deploy selected. */
function pipeline(deploy: Partial<Step> = {}, docsOn?: DependencyCondition) {
  const s = scenario([{ id: 'build' }, { id: 'docs' }, { id: 'deploy', label: 'Deploy', ...deploy }], [['build', 'deploy'], ['docs', 'deploy']]);
  if (docsOn) s.dependencies[1] = { ...s.dependencies[1], on: docsOn };
  const r = renderWithStore(<Inspector />, { scenario: s });
  act(() => r.store.getState().selectStep('deploy'));
  return r;
}

const whenInput = () => screen.getByRole('textbox', { name: 'Runs when (condition)' });
const deployOf = (r: ReturnType<typeof pipeline>) => r.store.getState().scenario.steps.find((s) => s.id === 'deploy')!;

describe('the run condition (R14)', () => {
  test('a mistyped id is reported as it is typed, with its column, and marks the field invalid', async () => {
    pipeline();
    const user = userEvent.setup();
    await user.type(whenInput(), 'build.Succeeded && tset');
    const message = screen.getByTestId('when-message');
    expect(message).toHaveTextContent('"tset" is not a prerequisite of deploy (its prerequisites: "build", "docs") at column 20');
    expect(whenInput()).toHaveAttribute('aria-invalid', 'true');
    expect(whenInput().getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    // Fixed by hand: the message goes, the field is valid again.
    await user.clear(whenInput());
    await user.type(whenInput(), 'build.Succeeded && docs');
    expect(screen.getByTestId('when-message')).toHaveTextContent('Valid. Press Enter or Apply to use it.');
    expect(whenInput()).not.toHaveAttribute('aria-invalid');
  });

  test('an unknown result and a missing operand each name their column', async () => {
    pipeline();
    const user = userEvent.setup();
    await user.type(whenInput(), 'build.Succeded');
    expect(screen.getByTestId('when-message')).toHaveTextContent(/"Succeded" is not a result \(did you mean "Succeeded"\?\).* at column 7/);
    await user.clear(whenInput());
    await user.type(whenInput(), 'build.Failed ||');
    expect(screen.getByTestId('when-message')).toHaveTextContent('found the end at column 16');
  });

  test('the helper offers each prerequisite’s terms and inserts one at the caret', async () => {
    pipeline();
    const user = userEvent.setup();
    await user.click(screen.getByText('Insert a term'));
    const docsTerms = screen.getByRole('group', { name: 'Terms for docs' });
    expect(within(docsTerms).getAllByRole('button').map((b) => b.textContent)).toEqual(['docs', 'docs.Succeeded', 'docs.Failed', 'docs.Blocked', 'docs.Skipped', 'docs.Cancelled']);
    await user.type(whenInput(), 'build.Succeeded && ()');
    // The caret sits between the parentheses: the terms go there.
    whenInput().focus();
    (whenInput() as HTMLInputElement).setSelectionRange(20, 20);
    await user.click(within(docsTerms).getByRole('button', { name: 'docs.Succeeded' }));
    await user.click(screen.getByRole('button', { name: 'or (||)' }));
    await user.click(within(docsTerms).getByRole('button', { name: 'docs.Skipped' }));
    expect(whenInput()).toHaveValue('build.Succeeded && (docs.Succeeded || docs.Skipped)');
    expect(screen.getByTestId('when-message')).toHaveTextContent('Valid.');
  });

  test('Apply stores the condition as one undo step; undo shows the field empty again', async () => {
    const r = pipeline();
    const user = userEvent.setup();
    await user.type(whenInput(), 'build.Succeeded && docs{Enter}');
    expect(deployOf(r).when).toBe('build.Succeeded && docs');
    expect(screen.getByTestId('when-message')).toHaveTextContent('Valid, and in use.');
    expect(screen.getByText(/the condition replaces “all” or “any one”/)).toBeInTheDocument();
    act(() => r.store.getState().undo());
    expect(deployOf(r).when).toBeUndefined();
    expect(whenInput()).toHaveValue('');
  });

  test('conditions on the incoming edges are explained beside a condition, and cleared on request', async () => {
    // As a file written by hand might have it (validation refuses it, and says `when` replaces them).
    const r = pipeline({ when: 'build.Succeeded', join: 'any' }, 'always');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('the dependency on docs is “always”');
    expect(note).toHaveTextContent('“Runs when any one prerequisite is satisfied”');
    await userEvent.setup().click(within(note).getByRole('button', { name: /Clear them/ }));
    expect(r.store.getState().scenario.dependencies.filter((d) => d.to === 'deploy')).toEqual([
      { from: 'build', to: 'deploy' },
      { from: 'docs', to: 'deploy' },
    ]);
    expect(deployOf(r).join).toBeUndefined();
    expect(screen.queryByRole('note')).toBeNull();
  });

  test('beside a condition, a dependency offers only “on success”, and the edge inspector says why', () => {
    const r = renderWithStore(<EdgeInspector />, {
      scenario: scenario([{ id: 'build' }, { id: 'deploy', label: 'Deploy', when: 'build.Failed' }], [['build', 'deploy']]),
    });
    act(() => r.store.getState().selectEdge({ from: 'build', to: 'deploy' }));
    expect(screen.getByRole('radio', { name: /^on success/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^on failure/ })).toBeDisabled();
    expect(screen.getByRole('radio', { name: /^always/ })).toBeDisabled();
    expect(screen.getByTestId('edge-when-note')).toHaveTextContent('Deploy runs when build.Failed: its condition replaces the dependencies’ own, so this one stays on success.');
  });

  test('a step without prerequisites has no condition field', () => {
    const r = pipeline();
    act(() => r.store.getState().selectStep('build'));
    expect(screen.queryByRole('textbox', { name: 'Runs when (condition)' })).toBeNull();
  });

  test('terms and insertion are plain text helpers', () => {
    expect(termsOf('db.primary')).toEqual(['db.primary', 'db.primary.Succeeded', 'db.primary.Failed', 'db.primary.Blocked', 'db.primary.Skipped', 'db.primary.Cancelled']);
    expect(insertAt('build', 5, 5, '&&')).toEqual({ text: 'build &&', caret: 8 });
    expect(insertAt('a && ', 5, 5, 'b')).toEqual({ text: 'a && b', caret: 6 });
    expect(insertAt('!x', 1, 1, 'y')).toEqual({ text: '!y x', caret: 2 });
  });
});

describe('success status (R16) and compensation (R17)', () => {
  test('201 Created is picked from the common answers and explained; back to 200 removes it', async () => {
    const r = pipeline();
    const user = userEvent.setup();
    const picker = screen.getByLabelText('Success status');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['200 OK', '201 Created', '202 Accepted', '204 No Content', 'another 2xx status…']);
    await user.selectOptions(picker, '201');
    expect(deployOf(r).successStatus).toBe(201);
    expect(screen.getByText('A resource was created (POST /invoices).')).toBeInTheDocument();
    expect(screen.getByLabelText('Answers')).toHaveDisplayValue('201 Created — succeeds');
    await user.selectOptions(picker, '200');
    expect(deployOf(r).successStatus).toBeUndefined();
  });

  test('another 2xx is typed; a 3xx is refused at the field', async () => {
    const r = pipeline();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Success status'), 'other');
    const other = screen.getByLabelText('Success status (200–299)');
    await user.type(other, '206{Enter}');
    expect(deployOf(r).successStatus).toBe(206);
    await user.clear(other);
    await user.type(other, '302{Enter}');
    expect(other).toHaveAttribute('aria-invalid', 'true');
    expect(deployOf(r).successStatus).toBe(206);
  });

  test('“even if it failed” is offered with a handler and stored', async () => {
    const r = pipeline({ compensation: { label: 'Roll back deploy' } });
    const box = screen.getByRole('checkbox', { name: /Even if it failed/ });
    await userEvent.setup().click(box);
    expect(deployOf(r).compensation).toEqual({ label: 'Roll back deploy', evenIfFailed: true });
  });
});

describe('atomic groups (R18) in the inspector', () => {
  test('a multi-selection is made a labelled group; a member shows it and can remove it', async () => {
    const r = pipeline();
    const user = userEvent.setup();
    act(() => r.store.getState().setSelection(['build', 'deploy']));
    await user.type(screen.getByLabelText('Make them an atomic group (all or nothing)'), 'Release');
    await user.click(screen.getByRole('button', { name: 'Make a group' }));
    expect(r.store.getState().scenario.groups).toEqual([{ id: 'group-1', label: 'Release', steps: ['build', 'deploy'] }]);
    act(() => r.store.getState().selectStep('deploy'));
    const section = screen.getByRole('group', { name: 'Atomic group' });
    expect(section).toHaveTextContent('In Release with build: they commit together or not at all.');
    await user.click(within(section).getByRole('button', { name: 'Remove the group (keep its steps)' }));
    expect(r.store.getState().scenario.groups).toBeUndefined();
    expect(r.store.getState().scenario.steps).toHaveLength(3);
  });
});

describe('the saga option (R17) in the policy panel', () => {
  test('stop and continue each say what happens after a failed compensation', async () => {
    const { store } = renderWithStore(<PolicyPanel />, { scenario: scenario([{ id: 'a' }]) });
    const user = userEvent.setup();
    const group = screen.getByRole('group', { name: 'When a compensation fails (saga)' });
    expect(within(group).getByRole('radio', { name: 'continue' })).toBeChecked();
    expect(group).toHaveTextContent('the remaining handlers still run');
    await user.click(within(group).getByRole('radio', { name: 'stop' }));
    expect(store.getState().scenario.policy?.compensationErrors).toBe('stop');
    expect(group).toHaveTextContent('no further handler runs; the steps not yet undone stay succeeded and are listed as uncompensated');
  });
});
