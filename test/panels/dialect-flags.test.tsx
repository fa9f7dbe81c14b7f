import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import { runDialect } from '../../src/cli/import.ts';
import { DialectPanel } from '../../src/panels/DialectPanel.tsx';
import { RunSummary } from '../../src/panels/RunSummary.tsx';
import { WhyPanel } from '../../src/panels/WhyPanel.tsx';
import { EventLog } from '../../src/panels/EventLog.tsx';
import { loadConditionCompiler } from '../../src/scenario/conditions-loader.ts';
import { openDialectText } from '../../src/scenario/dialects/open-dialect.ts';
import type { InputFormat } from '../../src/scenario/dialects/common.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import { renderWith } from './helpers.tsx';

// Issue #11: what the dialect view concludes from (GitHub continue-on-error, Argo continueOn,
// ASL Catch and Fail states) travels in the scenario, so a file opened in the app concludes as
// `npm run simulate -- --input FORMAT FILE --json` does.

// jsdom's import.meta.url is not a file URL: the fixtures are read from the project root.
const fixture = (name: string): string => readFileSync(resolve('test/fixtures/dialects', name), 'utf8');

beforeAll(async () => {
  // github-monorepo.yml has ifs: the page loads GitHub's parser on its first run; here up front.
  await loadConditionCompiler();
});

/** The scenario the app's open/drop/paste door gives for a fixture. */
async function opened(file: string, format: InputFormat): Promise<Scenario> {
  const r = await openDialectText(fixture(file), format);
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

/** The store after Run with `failing` answering 500, the playhead at the end. */
function ran(scenario: Scenario, failing: readonly string[]): RippleStore {
  const store = createRippleStore({ scenario });
  for (const id of failing) store.getState().setStepFailure(id, 500);
  store.getState().runScenario();
  store.getState().seekTime(store.getState().duration);
  return store;
}

/** `dialect` of `npm run simulate -- --input FORMAT FILE --fail … --json`. */
async function cli(format: InputFormat, file: string, failing: readonly string[]): Promise<{ steps: Record<string, { state: string }>; conclusion: string }> {
  let out = '';
  const args = ['--input', format, file, '--json', ...failing.flatMap((f) => ['--fail', f])];
  const code = await runDialect(args, { stdout: (t) => (out += t), stderr: () => undefined, readFile: fixture, writeFile: () => undefined });
  expect(code).toBe(0);
  return (JSON.parse(out) as { dialect: { steps: Record<string, { state: string }>; conclusion: string } }).dialect;
}

describe('the app concludes as the CLI does (continue-on-error, continueOn, Catch, Fail states)', () => {
  test('github-monorepo.yml, the continue-on-error job test-backend fails: the panel says success, as the CLI', async () => {
    const scenario = await opened('github-monorepo.yml', 'github-actions');
    expect(scenario.steps.filter((s) => s.continueOnError).map((s) => s.id)).toEqual(['test-backend']);
    const expected = await cli('github-actions', 'github-monorepo.yml', ['test-backend']);
    expect(expected.steps['test-backend'].state).toBe('failure');
    expect(expected.conclusion).toBe('success');

    renderWith(ran(scenario, ['test-backend']), <DialectPanel />);
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe(expected.conclusion);
    const row = within(screen.getByRole('table')).getByRole('rowheader', { name: 'test-backend' }).closest('tr')!;
    expect(within(row).getAllByRole('cell')[0].textContent).toBe('failure');
  });

  test('the same failure without the flag concludes failure (the flag is what the conclusion reads)', async () => {
    const scenario = await opened('github-monorepo.yml', 'github-actions');
    const without = { ...scenario, steps: scenario.steps.map(({ continueOnError: _, ...s }) => s) };
    renderWith(ran(without, ['test-backend']), <DialectPanel />);
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe('failure');
  });

  test('the run summary gives the CLI conclusion too', async () => {
    const scenario = await opened('github-monorepo.yml', 'github-actions');
    const expected = await cli('github-actions', 'github-monorepo.yml', ['test-backend']);
    renderWith(ran(scenario, ['test-backend']), <RunSummary />);
    expect(screen.getByTestId('summary-dialect-conclusion').textContent).toBe(expected.conclusion);
  });

  test('sfn-retry-backoff.asl.json, the state with a Catch fails: "Caught error" and FAILED (the Fail state is reached), as the CLI', async () => {
    const scenario = await opened('sfn-retry-backoff.asl.json', 'step-functions');
    expect(scenario.steps.filter((s) => s.catch).map((s) => s.id)).toEqual(['Generate-random-response']);
    expect(scenario.steps.filter((s) => s.failState).map((s) => s.id)).toEqual(['Fail']);
    const expected = await cli('step-functions', 'sfn-retry-backoff.asl.json', ['Generate-random-response']);
    expect(expected.steps['Generate-random-response'].state).toBe('Caught error');
    renderWith(ran(scenario, ['Generate-random-response']), <DialectPanel />);
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe(expected.conclusion);
    const row = within(screen.getByRole('table')).getByRole('rowheader', { name: 'Generate random response' }).closest('tr')!;
    expect(within(row).getAllByRole('cell')[0].textContent).toBe('Caught error');
  });

  test('Why tells a failed state with a Catch as "Caught error"', async () => {
    const store = ran(await opened('sfn-retry-backoff.asl.json', 'step-functions'), ['Generate-random-response']);
    store.getState().selectStep('Generate-random-response');
    renderWith(store, <WhyPanel />);
    expect(screen.getByTestId('why-dialect').textContent).toMatch(/^Step Functions: Caught error — /);
  });

  test('the event log tells its failure as "Caught error"', async () => {
    renderWith(ran(await opened('sfn-retry-backoff.asl.json', 'step-functions'), ['Generate-random-response']), <EventLog />);
    expect(screen.getAllByText(/Step Functions: Caught error\./).length).toBeGreaterThan(0);
  });

  test('an Argo task with continueOn.failed fails: the workflow Succeeded in the panel, as in the CLI', async () => {
    const yaml = 'spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t, continueOn: {failed: true}}\n      - {name: b, dependencies: [a], template: t}\n';
    const scenario = (await openDialectText(yaml, 'argo')) as { ok: true; scenario: Scenario };
    expect(scenario.scenario.steps.map((s) => [s.id, s.continueOnFailed])).toEqual([
      ['a', true],
      ['b', undefined],
    ]);
    let out = '';
    const code = await runDialect(['--input', 'argo', 'dag.yaml', '--fail', 'a', '--json'], { stdout: (t) => (out += t), stderr: () => undefined, readFile: () => yaml, writeFile: () => undefined });
    expect(code).toBe(0);
    const expected = (JSON.parse(out) as { dialect: { conclusion: string } }).dialect.conclusion;
    expect(expected).toBe('Succeeded');
    renderWith(ran(scenario.scenario, ['a']), <DialectPanel />);
    expect(screen.getByTestId('dialect-conclusion').textContent).toBe(expected);
  });
});

describe('the Inspector edits the dialect flags, each under its system\'s name and only in its dialect', () => {
  test('GitHub: continue-on-error on test-backend is shown checked and unchecked in one undo step', async () => {
    const { act } = await import('@testing-library/react');
    const userEvent = (await import('@testing-library/user-event')).default;
    const { Inspector } = await import('../../src/panels/Inspector.tsx');
    const store = createRippleStore({ scenario: await opened('github-monorepo.yml', 'github-actions') });
    renderWith(store, <Inspector />);
    act(() => store.getState().selectStep('test-backend'));
    const group = screen.getByRole('group', { name: 'When it fails, in GitHub Actions' });
    const box = within(group).getByRole('checkbox', { name: /continue-on-error/ });
    expect(box).toBeChecked();
    await userEvent.setup().click(box);
    expect(store.getState().scenario.steps.find((s) => s.id === 'test-backend')?.continueOnError).toBeUndefined();
    expect(box).not.toBeChecked();
    act(() => void store.getState().undo());
    expect(store.getState().scenario.steps.find((s) => s.id === 'test-backend')?.continueOnError).toBe(true);
  });

  test('Argo shows continueOn: failed and Step Functions Catch and Fail state; an HTTP scenario shows none', async () => {
    const { act } = await import('@testing-library/react');
    const { Inspector } = await import('../../src/panels/Inspector.tsx');
    const argo = createRippleStore({ scenario: { version: 2, title: 'a', dialect: 'argo', steps: [{ id: 'a' }], dependencies: [] } });
    const view = renderWith(argo, <Inspector />);
    act(() => argo.getState().selectStep('a'));
    const argoBox = within(screen.getByRole('group', { name: 'When it fails, in Argo' })).getByRole('checkbox', { name: /continueOn: failed/ });
    expect(argoBox).not.toBeChecked();
    act(() => argoBox.click());
    expect(argo.getState().scenario.steps[0].continueOnFailed).toBe(true);
    view.unmount();
    const sfn = createRippleStore({ scenario: { version: 2, title: 's', dialect: 'step-functions', steps: [{ id: 'a' }], dependencies: [] } });
    const sfnView = renderWith(sfn, <Inspector />);
    act(() => sfn.getState().selectStep('a'));
    const boxes = within(screen.getByRole('group', { name: /^When it fails, in / })).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.querySelector('code')?.textContent)).toEqual(['Catch', 'Fail state']);
    sfnView.unmount();
    const http = createRippleStore({ scenario: { version: 2, title: 'h', steps: [{ id: 'a' }], dependencies: [] } });
    renderWith(http, <Inspector />);
    act(() => http.getState().selectStep('a'));
    expect(screen.queryByRole('group', { name: /^When it fails, in / })).toBeNull();
  });
});
