import { lint } from '../../src/engine/lint.ts';
import { describe, expect, test } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PolicyPanel } from '../../src/panels/PolicyPanel.tsx';
import { ScenarioPanel } from '../../src/panels/ScenarioPanel.tsx';
import { findPreset } from '../../src/presets/index.ts';
import { renderWithStore, scenario } from '../app/render.tsx';

describe('PolicyPanel', () => {
  test('each option says what it changes, in the words of the production incidents, and changes the policy', async () => {
    const { store } = renderWithStore(<PolicyPanel />, { scenario: scenario([{ id: 'a' }]) });
    const user = userEvent.setup();
    const failFast = screen.getByRole('checkbox', { name: /Fail-fast guard/ });
    expect(failFast).toBeChecked();
    expect(screen.getByText(/orchestrator continued dependent tasks after prerequisite timeout/)).toBeInTheDocument();
    await user.click(failFast);
    expect(store.getState().scenario.policy).toEqual({ failFast: false });

    await user.click(screen.getByRole('radio', { name: 'naive' }));
    expect(store.getState().scenario.policy?.retryMode).toBe('naive');
    expect(screen.getByText(/repeated 424 loop/)).toBeInTheDocument();
    expect(screen.getByText(/shipping label was retried while stock reservation stayed failed/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /saga/ }));
    expect(store.getState().scenario.policy?.compensation).toBe('saga');
    expect(screen.getByText(/rolled back in reverse order/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'abort' }));
    expect(store.getState().scenario.policy?.onFailure).toBe('abort');
    expect(screen.getByText(/every step not yet started is cancelled/)).toBeInTheDocument();
  });

  test('concurrency refuses a negative number at the field', async () => {
    const { store } = renderWithStore(<PolicyPanel />, { scenario: scenario([{ id: 'a' }]) });
    const user = userEvent.setup();
    const field = screen.getByLabelText('Concurrency');
    await user.type(field, '-1{Enter}');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(store.getState().scenario.policy).toBeUndefined();
    await user.clear(field);
    await user.type(field, '2{Enter}');
    expect(store.getState().scenario.policy).toEqual({ concurrency: 2 });
  });

  test('policy changes are undoable', async () => {
    const { store } = renderWithStore(<PolicyPanel />, { scenario: scenario([{ id: 'a' }]) });
    await userEvent.setup().click(screen.getByRole('radio', { name: 'naive' }));
    store.getState().undo();
    expect(await screen.findByRole('radio', { name: 'graph-aware' })).toBeChecked();
  });
});

describe('ScenarioPanel', () => {
  test('title, description and the lint list linking to its step', async () => {
    const preset = findPreset('publish-before-validation')!;
    const { store } = renderWithStore(<ScenarioPanel />, { scenario: preset.scenario });
    const user = userEvent.setup();
    const warnings = screen.getByRole('heading', { name: /Warnings/ });
    expect(warnings).toBeInTheDocument();
    const list = screen.getAllByRole('listitem');
    expect(list.length).toBeGreaterThan(0);
    const link = screen.getAllByRole('button').find((b) => b.className === 'link-button')!;
    // The engine's message, which names its step first, once (tryout: `Publish: "Publish" may run…`).
    const [first] = lint(preset.scenario);
    expect(link).toHaveTextContent(first.message);
    expect(link.closest('li')!.textContent).toBe(first.message);
    await user.click(link);
    expect(store.getState().selectedStepId).toBe(first.step);

    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, '{Enter}');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(store.getState().scenario.title).toBe(preset.scenario.title);
  });
});
