import { describe, expect, test } from 'vitest';
import { editorStore, scenario } from './helpers.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// The editor's actions for scenario version 2 (issue #10): a run condition, a success status,
// the saga options and atomic groups, each one undo step, each checked by the format's rules.

/** build and docs feed deploy; deploy feeds notify. */
const pipeline = (): Scenario => scenario(['build', 'docs', 'deploy', 'notify'], [['build', 'deploy'], ['docs', 'deploy'], ['deploy', 'notify']]);
const step = (s: Scenario, id: string) => s.steps.find((x) => x.id === id)!;

describe('run conditions (R14)', () => {
  test('setWhen stores the trimmed expression and undo takes it away', () => {
    const store = editorStore({ scenario: pipeline() });
    expect(store.getState().setWhen('deploy', '  build.Succeeded && (docs.Succeeded || docs.Skipped) ')).toEqual({ ok: true });
    expect(step(store.getState().scenario, 'deploy').when).toBe('build.Succeeded && (docs.Succeeded || docs.Skipped)');
    expect(store.getState().history.past.at(-1)?.label).toBe('edit run condition');
    store.getState().undo();
    expect('when' in step(store.getState().scenario, 'deploy')).toBe(false);
  });

  test('a blank condition removes the field', () => {
    const store = editorStore({ scenario: { ...pipeline(), steps: pipeline().steps.map((s) => (s.id === 'deploy' ? { ...s, when: 'build' } : s)) } });
    store.getState().setWhen('deploy', '   ');
    expect('when' in step(store.getState().scenario, 'deploy')).toBe(false);
  });

  test('a condition naming a step that is not a prerequisite is refused with the validator’s words', () => {
    const store = editorStore({ scenario: pipeline() });
    const before = store.getState().scenario;
    const result = store.getState().setWhen('deploy', 'notify.Succeeded');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('"notify" is not a prerequisite of deploy');
    expect(store.getState().scenario).toBe(before);
  });

  test('clearWhenConflicts puts incoming conditions back to success and the join to all, in one undo step', () => {
    const s = pipeline();
    s.dependencies = s.dependencies.map((d) => (d.from === 'docs' ? { ...d, on: 'always' } : d));
    s.steps = s.steps.map((x) => (x.id === 'deploy' ? { ...x, join: 'any' } : x));
    const store = editorStore({ scenario: s });
    store.getState().clearWhenConflicts('deploy');
    const after = store.getState().scenario;
    expect(after.dependencies.filter((d) => d.to === 'deploy')).toEqual([
      { from: 'build', to: 'deploy' },
      { from: 'docs', to: 'deploy' },
    ]);
    expect('join' in step(after, 'deploy')).toBe(false);
    store.getState().undo();
    expect(store.getState().scenario).toEqual(s);
  });

  test('changing a prerequisite’s id rewrites the terms of its dependents’ conditions', () => {
    const s = pipeline();
    s.steps = s.steps.map((x) => (x.id === 'deploy' ? { ...x, when: 'build.Succeeded && (docs || !build.Failed)' } : x));
    const store = editorStore({ scenario: s });
    expect(store.getState().changeStepId('build', 'compile')).toEqual({ ok: true });
    expect(step(store.getState().scenario, 'deploy').when).toBe('compile.Succeeded && (docs || !compile.Failed)');
  });
});

describe('success status (R16)', () => {
  test('201 is stored, 200 removes the field, and each is one undo step', () => {
    const store = editorStore({ scenario: pipeline() });
    expect(store.getState().setSuccessStatus('build', 201)).toEqual({ ok: true });
    expect(step(store.getState().scenario, 'build').successStatus).toBe(201);
    store.getState().setSuccessStatus('build', 200);
    expect('successStatus' in step(store.getState().scenario, 'build')).toBe(false);
    store.getState().undo();
    expect(step(store.getState().scenario, 'build').successStatus).toBe(201);
  });

  test('a status outside 200–299 is refused and nothing changes', () => {
    const store = editorStore({ scenario: pipeline() });
    const result = store.getState().setSuccessStatus('build', 302);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain('steps[0].successStatus');
    expect('successStatus' in step(store.getState().scenario, 'build')).toBe(false);
  });
});

describe('saga options (R17)', () => {
  test('compensationErrors: stop, then undo back to the default', () => {
    const store = editorStore({ scenario: pipeline() });
    expect(store.getState().setCompensationErrors('stop')).toEqual({ ok: true });
    expect(store.getState().scenario.policy?.compensationErrors).toBe('stop');
    store.getState().undo();
    expect(store.getState().scenario.policy?.compensationErrors).toBeUndefined();
  });

  test('evenIfFailed is set on a compensated step and removed when turned off', () => {
    const s = pipeline();
    s.steps = s.steps.map((x) => (x.id === 'build' ? { ...x, compensation: { label: 'Delete build' } } : x));
    const store = editorStore({ scenario: s });
    store.getState().setEvenIfFailed('build', true);
    expect(step(store.getState().scenario, 'build').compensation).toEqual({ label: 'Delete build', evenIfFailed: true });
    store.getState().setEvenIfFailed('build', false);
    expect(step(store.getState().scenario, 'build').compensation).toEqual({ label: 'Delete build' });
  });

  test('evenIfFailed on a step without a handler is refused, naming the step', () => {
    const store = editorStore({ scenario: pipeline() });
    const result = store.getState().setEvenIfFailed('docs', true);
    expect(result).toMatchObject({ ok: false, message: '"docs" has no compensation handler to run.' });
  });
});

describe('atomic groups (R18)', () => {
  test('createGroup makes group-1 of the steps in scenario order; undo removes it', () => {
    const store = editorStore({ scenario: pipeline() });
    expect(store.getState().createGroup(['deploy', 'build'], 'Release')).toEqual({ ok: true, id: 'group-1' });
    expect(store.getState().scenario.groups).toEqual([{ id: 'group-1', label: 'Release', steps: ['build', 'deploy'] }]);
    store.getState().undo();
    expect(store.getState().scenario.groups).toBeUndefined();
  });

  test('a step already in a group is refused, saying which group holds it', () => {
    const store = editorStore({ scenario: pipeline() });
    store.getState().createGroup(['build', 'deploy']);
    expect(store.getState().createGroup(['deploy', 'notify'])).toMatchObject({ ok: false, message: '"deploy" is already in the group "group-1"; a step is in at most one group.' });
    expect(store.getState().scenario.groups).toHaveLength(1);
  });

  test('renameGroup sets and clears the label; removeGroup keeps the steps', () => {
    const store = editorStore({ scenario: pipeline() });
    const made = store.getState().createGroup(['build', 'deploy'], 'Release');
    const id = made.ok ? made.id : '';
    store.getState().renameGroup(id, 'Ship it');
    expect(store.getState().scenario.groups?.[0].label).toBe('Ship it');
    store.getState().renameGroup(id, ' ');
    expect(store.getState().scenario.groups?.[0]).toEqual({ id, steps: ['build', 'deploy'] });
    store.getState().removeGroup(id);
    expect(store.getState().scenario.groups).toBeUndefined();
    expect(store.getState().scenario.steps).toHaveLength(4);
    store.getState().undo();
    expect(store.getState().scenario.groups).toEqual([{ id, steps: ['build', 'deploy'] }]);
  });

  test('deleting members shrinks the group; deleting the last member removes it', () => {
    const store = editorStore({ scenario: pipeline() });
    store.getState().createGroup(['build', 'docs']);
    store.getState().deleteSteps(['build']);
    expect(store.getState().scenario.groups).toEqual([{ id: 'group-1', steps: ['docs'] }]);
    store.getState().deleteSteps(['docs']);
    expect(store.getState().scenario.groups).toBeUndefined();
  });

  test('changing a member’s id renames it in its group; a group id is not free for a step', () => {
    const store = editorStore({ scenario: pipeline() });
    store.getState().createGroup(['build', 'deploy']);
    store.getState().changeStepId('build', 'compile');
    expect(store.getState().scenario.groups?.[0].steps).toEqual(['compile', 'deploy']);
    expect(store.getState().changeStepId('docs', 'group-1').ok).toBe(false);
  });
});
