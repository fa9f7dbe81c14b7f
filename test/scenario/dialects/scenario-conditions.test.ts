import { beforeAll, describe, expect, it } from 'vitest';
import { runDialect } from '../../../src/cli/import.ts';
import { simulate } from '../../../src/engine/index.ts';
import { importGithubActions } from '../../../src/scenario/dialects/github-actions.ts';
import { contextKeysRead, setGithubContext } from '../../../src/scenario/dialects/github-context.ts';
import { loadConditionCompiler } from '../../../src/scenario/conditions-loader.ts';
import { asEvaluated, compileScenarioConditions } from '../../../src/scenario/dialects/scenario-conditions.ts';
import { isRefusal } from '../../../src/scenario/edits.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../../src/scenario/link-codec.ts';
import { validate } from '../../../src/scenario/validate.ts';
import { readSource, scenarioToSource } from '../../../src/scenario/source-text.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { createRippleStore } from '../../../src/store/store.ts';
import { fixture, outcomes } from './run.ts';

// Issue #11: a GitHub Actions scenario carries each job's `if` and its context values, so the
// app (store, worker), a saved file and a link run it exactly as the CLI's import does: GitHub's
// status functions see every ancestor, and `github.ref` comes from the scenario's context.

beforeAll(async () => {
  // The page loads the compiler on the first run of a scenario with an `if`; loaded here, runs are synchronous.
  await loadConditionCompiler();
});

/** Each step's Ripple state as `npm run simulate -- --input github-actions FILE --json` prints it. */
async function cliStates(file: string, fail: readonly string[], context: readonly string[] = []): Promise<Record<string, string>> {
  let out = '';
  const args = ['--input', 'github-actions', file, '--json', ...fail.flatMap((f) => ['--fail', f]), ...context.flatMap((c) => ['--context', c])];
  const code = await runDialect(args, { stdout: (t) => (out += t), stderr: () => undefined, readFile: fixture, writeFile: () => undefined });
  expect(code).toBe(0);
  const run = JSON.parse(out) as { steps: Record<string, { state: string }> };
  return Object.fromEntries(Object.entries(run.steps).map(([id, s]) => [id, s.state]));
}

/** Each step's state after Run in the app's store, with `fail` answering 500. */
function appStates(scenario: Scenario, fail: readonly string[]): Record<string, string> {
  const store = createRippleStore({ scenario });
  for (const id of fail) store.getState().setStepFailure(id, 500);
  store.getState().runScenario();
  const run = store.getState().run;
  if (!run) throw new Error(`no run: ${JSON.stringify(store.getState().runProblems)}`);
  return Object.fromEntries(Object.entries(run.steps).map(([id, s]) => [id, s.state]));
}

async function imported(file: string): Promise<Scenario> {
  const r = await importGithubActions(fixture(file));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

describe('a GitHub Actions scenario runs by its ifs in the app, as in the CLI', () => {
  it('test fails: report (if: always()) publishes, deploy is skipped and notify (failure()) runs, two levels below the failure', async () => {
    const scenario = await imported('github-nightly.yml');
    expect(scenario.steps.map((s) => [s.id, s.if])).toEqual([
      ['build', undefined],
      ['test', 'success()'],
      ['report', 'always()'],
      ['deploy', "github.ref == 'refs/heads/main'"],
      ['notify', 'failure()'],
    ]);
    // deploy's need succeeded, so Ripple says skipped (R14's false branch), GitHub's word too.
    const expected = { build: 'succeeded', test: 'failed', report: 'succeeded', deploy: 'skipped', notify: 'succeeded' };
    expect(await cliStates('github-nightly.yml', ['test'])).toEqual(expected);
    expect(appStates(scenario, ['test'])).toEqual(expected);
    // The reason names the implicit success() GitHub adds, which is what is false here.
    const store = createRippleStore({ scenario });
    store.getState().setStepFailure('test', 500);
    store.getState().runScenario();
    expect(store.getState().run?.steps.deploy.reason).toBe("its condition `if: success() && (github.ref == 'refs/heads/main')` is false");
    // The `when` alone sees report's success only: the approximation this replaces.
    expect(outcomes(scenario, ['test'])).toMatchObject({ deploy: 'Succeeded', notify: 'Skipped' });
  });

  it('every single failure of every GitHub fixture gives the CLI outcome in the store', async () => {
    for (const file of ['github-nightly.yml', 'github-monorepo.yml', 'github-release.yml']) {
      const scenario = await imported(file);
      for (const failing of [[], ...scenario.steps.map((s) => [s.id])]) {
        expect({ file, failing, states: appStates(scenario, failing) }).toEqual({ file, failing, states: await cliStates(file, failing) });
      }
    }
  });

  it("a context value set on the scenario decides github.ref: on a feature branch deploy is skipped, as with the CLI's --context", async () => {
    const scenario = await imported('github-nightly.yml');
    expect(contextKeysRead(scenario)).toEqual(['github.ref']);
    const edited = setGithubContext(scenario, 'github.ref', 'refs/heads/feature');
    if (isRefusal(edited)) throw new Error(edited[0].message);
    expect(edited.context).toEqual({ 'github.ref': 'refs/heads/feature' });
    const expected = { build: 'succeeded', test: 'succeeded', report: 'succeeded', deploy: 'skipped', notify: 'skipped' };
    expect(await cliStates('github-nightly.yml', [], ['github.ref=refs/heads/feature'])).toEqual(expected);
    expect(appStates(edited, [])).toEqual(expected);
    // Back to the default: the value is removed, not written out.
    const back = setGithubContext(edited, 'github.ref', 'refs/heads/main');
    expect(isRefusal(back) ? back : back.context).toBeUndefined();
  });

  it('a context edit is one undo step: undo brings back the default and the run it gives', async () => {
    const store = createRippleStore({ scenario: await imported('github-nightly.yml') });
    const edited = setGithubContext(store.getState().scenario, 'github.ref', 'refs/heads/feature') as Scenario;
    expect(store.getState().editSource(edited)).toEqual({ ok: true });
    store.getState().runScenario();
    expect(store.getState().run?.steps.deploy.state).toBe('skipped');
    store.getState().undo();
    expect(store.getState().scenario.context).toBeUndefined();
    store.getState().runScenario();
    expect(store.getState().run?.steps.deploy.state).toBe('succeeded');
  });

  it('an import with --context keeps the values in the scenario, so the scenario alone runs the same', async () => {
    const r = await importGithubActions(fixture('github-nightly.yml'), { context: { 'github.ref': 'refs/tags/v1' } });
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.context).toEqual({ 'github.ref': 'refs/tags/v1' });
    expect(appStates(r.scenario, [])).toMatchObject({ deploy: 'skipped' });
    // A workflow_dispatch input's declared default is a context value too.
    expect((await imported('github-release.yml')).context).toEqual({ 'inputs.dry_run': 'false' });
  });

  it('a link round trip keeps the ifs and the context, and with them the exact outcome', async () => {
    const scenario = setGithubContext(await imported('github-nightly.yml'), 'github.ref', 'refs/heads/feature') as Scenario;
    const link = encodeScenarioLink(scenario);
    expect(link.startsWith('r2.')).toBe(true);
    const decoded = decodeScenarioLink(link);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.scenario.steps.map((s) => s.if)).toEqual(scenario.steps.map((s) => s.if));
    expect(decoded.scenario.context).toEqual({ 'github.ref': 'refs/heads/feature' });
    expect(appStates(decoded.scenario, ['test'])).toEqual(appStates(scenario, ['test']));
    expect(appStates(decoded.scenario, ['test'])).toMatchObject({ deploy: 'skipped', notify: 'succeeded' });
  });

  it('the Source tab writes and reads the ifs and the context, in YAML and JSON; a bad context name is placed at its line', async () => {
    const scenario = setGithubContext(await imported('github-nightly.yml'), 'github.ref', 'refs/heads/feature') as Scenario;
    for (const format of ['yaml', 'json'] as const) {
      const read = readSource(scenarioToSource(scenario, format), format);
      expect(read.ok && read.scenario.steps.map((s) => s.if)).toEqual(scenario.steps.map((s) => s.if));
      expect(read.ok && { ...read.scenario.context }).toEqual({ 'github.ref': 'refs/heads/feature' });
    }
    const text = scenarioToSource({ ...scenario, context: { 'github.ref': 'refs/heads/feature', ref: 'x' } }, 'yaml');
    const bad = readSource(text, 'yaml');
    const line = text.split('\n').findIndex((l) => l.startsWith('  ref:')) + 1;
    expect(bad.ok ? [] : bad.problems.map((p) => [p.line, p.message])).toEqual([[line, expect.stringMatching(/^context\["ref"\]: "ref" does not start with a context/)]]);
  });

  it('a replay decides the redone steps by their ifs', async () => {
    const scenario = await imported('github-nightly.yml');
    const store = createRippleStore({ scenario });
    store.getState().setStepFailure('test', 500);
    store.getState().runScenario();
    store.getState().openReplayPlan(['test']);
    store.getState().runReplay();
    const { segments, replayProblems } = store.getState();
    expect(replayProblems).toBeNull();
    const replayed = segments[segments.length - 1].result.steps;
    expect([replayed.deploy.state, replayed.notify.state]).toEqual(['skipped', 'succeeded']);
  });

  it('the correlation id of a scenario without if or context is unchanged; an if changes it', async () => {
    const scenario = await imported('github-nightly.yml');
    const plain: Scenario = { ...scenario, steps: scenario.steps.map(({ if: _if, ...s }) => s) };
    const { context: _c, ...noContext } = plain;
    expect(simulate(noContext).correlationId).toBe(simulate({ ...noContext }).correlationId);
    expect(simulate(scenario).correlationId).not.toBe(simulate(plain).correlationId);
  });
});

describe('bad ifs and contexts: a clear message at the path', () => {
  const base = (extra: Partial<Scenario> = {}, stepIf?: unknown): unknown => ({
    version: 2,
    title: 'T',
    steps: [{ id: 'a' }, { id: 'b', ...(stepIf === undefined ? {} : { if: stepIf }) }],
    dependencies: [{ from: 'a', to: 'b' }],
    dialect: 'github-actions',
    ...extra,
  });

  it('the gate checks the shape: an if needs the github-actions dialect, a context names a context value and holds strings', () => {
    const wrongDialect = validate(base({ dialect: 'argo' }, 'failure()'));
    expect(wrongDialect.ok ? [] : wrongDialect.problems.map((p) => [p.code, p.path])).toEqual([['conflicting-fields', 'steps[1].if']]);
    const notString = validate(base({}, 7));
    expect(notString.ok ? [] : notString.problems.map((p) => p.path)).toEqual(['steps[1].if']);
    const context = validate(base({ context: { ref: 'x', 'github.ref': 1, 'needs.a.result': 'success', 'github.__proto__': 'x' } as never }));
    expect(context.ok ? [] : context.problems.map((p) => [p.path, p.message])).toEqual([
      ['context["ref"]', expect.stringMatching(/does not start with a context an if may read/)],
      ['context["github.ref"]', expect.stringMatching(/expected a string/)],
      ['context["needs.a.result"]', expect.stringMatching(/comes from the run/)],
      ['context["github.__proto__"]', expect.stringMatching(/reserved/)],
    ]);
    const v1 = validate({ version: 1, title: 'T', steps: [{ id: 'a', if: 'always()' }], dependencies: [] });
    expect(v1.ok ? [] : v1.problems.map((p) => [p.code, p.path])).toContainEqual(['newer-field', 'steps[0].if']);
  });

  it("an if GitHub's parser refuses stops the run with its message at steps[i].if", () => {
    const checked = validate(base({}, "github.ref == 'x"));
    if (!checked.ok) throw new Error('expected valid shape');
    const compiled = compileScenarioConditions(checked.scenario);
    expect(compiled.ok ? [] : compiled.problems.map((p) => [p.path, p.message])).toEqual([['steps[1].if', expect.stringMatching(/^GitHub's expression parser refuses/)]]);
    const store = createRippleStore({ scenario: checked.scenario });
    store.getState().runScenario();
    expect(store.getState().run).toBeNull();
    expect(store.getState().runProblems?.map((p) => p.path)).toEqual(['steps[1].if']);
  });

  it('the form edit refuses a bad name, and a context on a scenario of another dialect', async () => {
    const scenario = await imported('github-nightly.yml');
    const bad = setGithubContext(scenario, 'ref', 'x');
    expect(isRefusal(bad) ? bad.map((p) => p.path) : bad).toEqual(['context["ref"]']);
    const other = setGithubContext({ ...scenario, dialect: 'argo' }, 'github.ref', 'x');
    expect(isRefusal(other) ? other.map((p) => p.message) : other).toEqual([expect.stringMatching(/github-actions/)]);
  });

  it("an if is read as GitHub reads it: ${{ }} unwrapped, the implicit success() added when no status function is called", () => {
    expect(asEvaluated("${{ github.ref == 'refs/heads/main' }}")).toBe("success() && (github.ref == 'refs/heads/main')");
    expect(asEvaluated('${{ !cancelled() }}')).toBe('!cancelled()');
    expect(asEvaluated("contains('failure()', github.ref)")).toBe("success() && (contains('failure()', github.ref))");
    expect(asEvaluated('  ')).toBe('success()');
  });
});
