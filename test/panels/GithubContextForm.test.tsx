import { act, fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import { GithubContextForm } from '../../src/panels/GithubContextForm.tsx';
import { loadConditionCompiler } from '../../src/scenario/conditions-loader.ts';
import { createRippleStore } from '../../src/store/store.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { renderWith } from './helpers.tsx';

// The GitHub context form (issue #11): the values the jobs' ifs read, GitHub's default shown
// until set; a change is an undo step and runs the workflow again.

beforeAll(async () => {
  await loadConditionCompiler();
});

const workflow: Scenario = {
  version: 2,
  title: 'Nightly',
  steps: [{ id: 'build', if: "github.event_name == 'push'" }, { id: 'deploy', if: "github.ref == 'refs/heads/main' && inputs.dry_run != 'true'" }],
  dependencies: [{ from: 'build', to: 'deploy' }],
  dialect: 'github-actions',
};

describe('GithubContextForm', () => {
  test('lists what the ifs read with the defaults; setting github.ref re-runs and deploy is skipped; undo brings the default back', () => {
    const store = createRippleStore({ scenario: workflow });
    store.getState().runScenario();
    renderWith(store, <GithubContextForm />);
    const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    expect([value('github.event_name'), value('github.ref'), value('inputs.dry_run')]).toEqual(['push', 'refs/heads/main', '']);
    expect(store.getState().run?.steps.deploy.state).toBe('succeeded');

    const ref = screen.getByLabelText('github.ref');
    fireEvent.change(ref, { target: { value: 'refs/heads/feature' } });
    fireEvent.keyDown(ref, { key: 'Enter' });
    expect(store.getState().scenario.context).toEqual({ 'github.ref': 'refs/heads/feature' });
    expect(store.getState().run?.steps.deploy.state).toBe('skipped');
    expect(screen.getByRole('button', { name: 'Use the default' })).toBeInTheDocument();

    act(() => store.getState().undo());
    expect(store.getState().scenario.context).toBeUndefined();
    expect(value('github.ref')).toBe('refs/heads/main');
  });

  test('a value too long is refused with a message at the field, and nothing changes', () => {
    const store = createRippleStore({ scenario: workflow });
    renderWith(store, <GithubContextForm />);
    const ref = screen.getByLabelText('github.ref');
    fireEvent.change(ref, { target: { value: 'r'.repeat(600) } });
    fireEvent.keyDown(ref, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('a value of 600 characters; at most 500');
    expect(store.getState().scenario.context).toBeUndefined();
  });

  test('a scenario without ifs shows no form', () => {
    const { container } = renderWith(createRippleStore({ scenario: { ...workflow, steps: [{ id: 'build' }, { id: 'deploy' }] } }), <GithubContextForm />);
    expect(container.innerHTML).toBe('');
  });

  test('a job without needs whose if turns false is skipped, and so is the job that needs it (GitHub: jobs.<job_id>.if)', () => {
    const store = createRippleStore({ scenario: workflow });
    store.getState().runScenario();
    renderWith(store, <GithubContextForm />);
    expect(store.getState().run?.steps.build.state).toBe('succeeded');
    const event = screen.getByLabelText('github.event_name');
    fireEvent.change(event, { target: { value: 'pull_request' } });
    fireEvent.keyDown(event, { key: 'Enter' });
    expect(store.getState().run?.steps.build.state).toBe('skipped');
    expect(store.getState().run?.steps.deploy.state).toBe('skipped');
  });
});
