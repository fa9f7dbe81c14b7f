import { describe, expect, test } from 'vitest';
import { createRippleStore } from '../../src/store/store.ts';
import { selectDialect } from '../../src/store/editor-slice.ts';
import type { Scenario } from '../../src/scenario/types.ts';

// "Speak as" (issue #11) on an imported scenario: its `if`s and flags are written in its own
// system's language, so it keeps its dialect and only the words change; a drawn scenario's
// dialect is an edit (links carry it, undo covers it).

const workflow: Scenario = {
  version: 2,
  title: 'CI',
  dialect: 'github-actions',
  steps: [{ id: 'build' }, { id: 'notify', if: 'failure()' }],
  dependencies: [{ from: 'build', to: 'notify' }],
};

const drawn: Scenario = { version: 2, title: 'Drawn', steps: [{ id: 'a' }, { id: 'b' }], dependencies: [{ from: 'a', to: 'b' }] };

describe('Speak as', () => {
  test('a GitHub import with an if speaks Argo without changing the scenario; its own dialect again clears the override', () => {
    const store = createRippleStore({ scenario: workflow });
    const before = store.getState().scenario;
    expect(store.getState().setDialect('argo')).toEqual({ ok: true });
    expect(selectDialect(store.getState())).toBe('argo');
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().setDialect('github-actions');
    expect(store.getState().speakAs).toBeNull();
    expect(selectDialect(store.getState())).toBe('github-actions');
  });

  test('loading another scenario speaks its own dialect again', () => {
    const store = createRippleStore({ scenario: workflow });
    store.getState().setDialect('airflow');
    store.getState().loadScenario({ ...workflow, title: 'Other' });
    expect(selectDialect(store.getState())).toBe('github-actions');
  });

  test('a drawn scenario: the dialect is an edit of the scenario, one undo step', () => {
    const store = createRippleStore({ scenario: drawn });
    expect(store.getState().setDialect('airflow')).toEqual({ ok: true });
    expect(store.getState().scenario.dialect).toBe('airflow');
    expect(store.getState().speakAs).toBeNull();
    store.getState().undo();
    expect(selectDialect(store.getState())).toBe('http');
  });
});
