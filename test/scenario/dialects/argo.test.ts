import { describe, expect, it } from 'vitest';
import { importArgo } from '../../../src/scenario/dialects/argo.ts';
import { fixture, outcomes } from './run.ts';
import { MAX_STEPS } from '../../../src/scenario/limits.ts';
import { simulate } from '../../../src/engine/index.ts';
import { dialectView } from '../../../src/engine/dialect.ts';
import { wideDag } from '../../../bench/sample-scenarios.ts';

const ABORT_NOTE = (said: string) =>
  `Argo's ${said}: once a task fails, Argo schedules no new tasks. Imported as On failure “abort”: Ripple cancels the steps not yet started as soon as a step fails, where Argo stops once the failure has reached the end of its branch (its dependents Omitted). Write failFast: false to run every branch.`;
const HANDLED_NOTE = (said: string) =>
  `Argo's ${said}: Argo stops scheduling new tasks after a failure that no dependent handles (one that reaches the end of its branch through Omitted tasks). Ripple does not simulate this: every task whose depends holds runs, as with failFast: false.`;

describe('Argo DAG import', () => {
  it('dag-continue-on-fail: B and E run the template that exits 1, so they fail as imported; D runs on B.Failed && C; G is Omitted (Argo examples/dag-continue-on-fail.yaml)', () => {
    const r = importArgo(fixture('argo-continue-on-fail.yaml'));
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.dialect).toBe('argo');
    expect(r.scenario.steps.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(r.scenario.steps.find((s) => s.id === 'D')?.when).toBe('B.Failed && C.Succeeded');
    // Nothing marked by hand: Argo's documented outcome comes from the file alone.
    expect(outcomes(r.scenario, [])).toEqual({ A: 'Succeeded', B: 'Failed', C: 'Succeeded', D: 'Succeeded', E: 'Failed', F: 'Succeeded', G: 'Blocked' });
    expect(r.scenario.steps.filter((s) => s.fail).map((s) => [s.id, s.fail?.message])).toEqual([
      ['B', 'template intentional-fail: exit 1'],
      ['E', 'template intentional-fail: exit 1'],
    ]);
    // D runs on B.Failed: a failure a dependent handles, so failFast (on by default) is not simulated, and said.
    expect(r.scenario.policy).toBeUndefined();
    expect(r.warnings.map((w) => [w.path, w.message])).toEqual([
      ['spec.templates[0].dag.failFast', HANDLED_NOTE('failFast is on by default')],
      ...[1, 4].map((i) => [`spec.templates[0].dag.tasks[${i}].template`, 'template "intentional-fail" runs "exit 1" whatever happens, so Argo marks the task Failed: imported as failing']),
    ]);
  });

  it('a template whose exit may not run (a branch, ||) or that exits 0 is not read as failing', () => {
    const yaml = (args: string) =>
      `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t}\n  - name: t\n    container: {image: alpine, command: [sh, -c], args: [${JSON.stringify(args)}]}\n`;
    for (const args of ['test -f out || exit 1', 'if [ -z "$X" ]; then exit 1; fi', 'exit 0; exit 1', 'echo "exit 1"x']) {
      const r = importArgo(yaml(args));
      if (!r.ok) throw new Error(r.message);
      expect([args, r.scenario.steps[0].fail]).toEqual([args, undefined]);
    }
    const r = importArgo(yaml('set -e\necho bye\nexit 3'));
    expect(r.ok && r.scenario.steps[0].fail).toEqual({ status: 500, message: 'template t: exit 3' });
  });

  it('dag-enhanced-depends: C fails; should-execute-1/2/3 run, should-not-execute is Omitted; onExit runs after every leaf', () => {
    const r = importArgo(fixture('argo-enhanced-depends.yaml'));
    if (!r.ok) throw new Error(r.message);
    const o = outcomes(r.scenario, ['C']);
    expect(o).toMatchObject({ 'should-execute-1': 'Succeeded', 'should-execute-2': 'Succeeded', 'should-not-execute': 'Blocked', 'should-execute-3': 'Succeeded', onExit: 'Succeeded' });
    expect(r.scenario.dependencies.filter((d) => d.to === 'onExit')).toEqual([
      { from: 'should-execute-1', to: 'onExit', on: 'always' },
      { from: 'should-execute-3', to: 'onExit', on: 'always' },
    ]);
    expect(r.extras?.exitHandler).toBe('onExit');
  });

  it('a bare name is Succeeded (or Skipped/Daemoned, not simulated): an Omitted dependency omits the dependent', () => {
    const yaml = `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t}\n      - {name: b, depends: a, template: t}\n      - {name: c, depends: b, template: t}\n      - {name: z, depends: "b.Omitted", template: t}\n`;
    const r = importArgo(yaml);
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, ['a'])).toEqual({ a: 'Failed', b: 'Blocked', c: 'Blocked', z: 'Succeeded' });
  });

  it('continueOn.failed: a failed task satisfies its dependents and is kept as tolerated', () => {
    const yaml = `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t, continueOn: {failed: true}}\n      - {name: b, dependencies: [a], template: t}\n`;
    const r = importArgo(yaml);
    if (!r.ok) throw new Error(r.message);
    expect(outcomes(r.scenario, ['a'])).toEqual({ a: 'Failed', b: 'Succeeded' });
    expect(r.scenario.steps.map((s) => [s.id, s.continueOnFailed])).toEqual([
      ['a', true],
      ['b', undefined],
    ]);
  });

  it('names the path of each construct it does not simulate', () => {
    const yaml = `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      failFast: false\n      tasks:\n      - {name: a, template: t, withItems: [1, 2]}\n      - {name: b, depends: "a.Errored", when: "{{x}} == 1", template: t}\n`;
    const r = importArgo(yaml);
    if (!r.ok) throw new Error(r.message);
    // failFast: false is simulated exactly (every branch runs), so it has no note.
    expect(r.warnings.map((w) => w.path)).toEqual(['spec.templates[0].dag.tasks[0].withItems', 'spec.templates[0].dag.tasks[1].when', 'spec.templates[0].dag.tasks[1].depends']);
  });

  it('refuses an unknown task in depends (with a did-you-mean), a cycle, and a steps template, each with its path', () => {
    const base = (tasks: string) => `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n${tasks}`;
    const unknown = importArgo(base('      - {name: build, template: t}\n      - {name: b, depends: biuld, template: t}\n'));
    expect(unknown.ok || unknown.problems).toEqual([{ code: 'missing-step', path: 'spec.templates[0].dag.tasks[1].depends', message: 'no task "biuld" in the DAG (did you mean "build"?)' }]);
    const cycle = importArgo(base('      - {name: a, depends: b, template: t}\n      - {name: b, depends: a, template: t}\n'));
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.problems[0]).toMatchObject({ code: 'cycle', path: 'spec.templates[0].dag.tasks[0].depends' });
    const steps = importArgo('spec:\n  entrypoint: s\n  templates:\n  - name: s\n    steps: [[{name: a, template: t}]]\n');
    expect(steps.ok).toBe(false);
    if (!steps.ok) expect(steps.message).toMatch(/steps template; Ripple imports Argo DAG templates/);
  });

  it('takes exactly MAX_STEPS tasks without an exit handler, and refuses one more step once onExit adds its own', async () => {
    const dag = (n: number, onExit: boolean) =>
      JSON.stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        spec: { entrypoint: 'main', ...(onExit ? { onExit: 'cleanup' } : {}), templates: [{ name: 'main', dag: { tasks: Array.from({ length: n }, (_, i) => ({ name: `t${i}`, template: 'work' })) } }] },
      });
    const full = await importArgo(dag(MAX_STEPS, false));
    expect(full.ok && full.scenario.steps.length).toBe(MAX_STEPS);
    const withExit = await importArgo(dag(MAX_STEPS, true));
    expect(withExit.ok).toBe(false);
  });

  describe('dag.failFast (on by default; Argo stops scheduling new tasks after a failure no dependent handles)', () => {
    const disabled = fixture('argo-disable-failfast.yaml');
    const FAIL_FAST_AT = 'spec.templates[4].dag.failFast';

    it('dag-disable-failFast as published (failFast: false): every branch runs to completion, with no note, as Argo documents', () => {
      const r = importArgo(disabled);
      if (!r.ok) throw new Error(r.message);
      expect(r.scenario.policy).toBeUndefined();
      expect(r.warnings.map((w) => w.path)).toEqual(['spec.templates[4].dag.tasks[2].template']);
      expect(outcomes(r.scenario, [])).toEqual({ A: 'Succeeded', B: 'Succeeded', C: 'Failed', D: 'Succeeded', E: 'Succeeded' });
    });

    it.each([
      ['absent', '', 'failFast is on by default'],
      ['true', '      failFast: true\n', 'failFast is true'],
    ])('the same file with failFast %s: nothing handles C’s failure, so it imports as On failure “abort”: D and E are never scheduled (Argo shows no node; Omitted in its words), the workflow Failed', (_, line, said) => {
      const r = importArgo(disabled.replace('      failFast: false\n', line));
      if (!r.ok) throw new Error(r.message);
      expect(r.scenario.policy).toEqual({ onFailure: 'abort' });
      expect(r.warnings.map((w) => [w.path, w.message])[0]).toEqual([FAIL_FAST_AT, ABORT_NOTE(said)]);
      expect(outcomes(r.scenario, [])).toEqual({ A: 'Succeeded', B: 'Succeeded', C: 'Failed', D: 'Cancelled', E: 'Cancelled' });
      const view = dialectView(simulate(r.scenario, { lint: false }), 'argo');
      expect([view.steps.D.state, view.steps.E.state, view.conclusion]).toEqual(['Omitted', 'Omitted', 'Failed']);
    });

    it('a failFast that is not true or false is read as Argo’s default, and said', () => {
      const r = importArgo(disabled.replace('      failFast: false\n', '      failFast: "no"\n'));
      expect(r.ok && r.scenario.policy).toEqual({ onFailure: 'abort' });
      expect(r.ok && r.warnings[0].message).toBe(ABORT_NOTE('failFast "no" is not true or false, so Argo\'s default holds: it is on'));
    });

    // A task that may run after a failure (so the failure need not reach a leaf): Ripple keeps
    // running every branch and says that failFast is not simulated.
    const dag = (extra: string) => `spec:\n  entrypoint: d\n  templates:\n  - name: d\n    dag:\n      tasks:\n      - {name: a, template: t}\n      - {name: b, template: t}\n${extra}`;
    it.each([
      ['a .Failed term', '      - {name: c, depends: "a.Failed", template: t}\n'],
      ['an .Errored term', '      - {name: c, depends: "a.Errored", template: t}\n'],
      ['an .Omitted term', '      - {name: c, depends: "a", template: t}\n      - {name: e, depends: "c.Omitted", template: t}\n'],
      ['an .AllFailed term', '      - {name: c, depends: "a.AllFailed", template: t}\n'],
      ['an .AnySucceeded term (a fan-out that partly failed)', '      - {name: c, depends: "a.AnySucceeded", template: t}\n'],
      ['an ||', '      - {name: c, depends: "a || b", template: t}\n'],
      ['a !', '      - {name: c, depends: "!a.Succeeded", template: t}\n'],
      ['continueOn.failed', '      - {name: c, depends: "a", template: t, continueOn: {failed: true}}\n'],
      ['continueOn.error', '      - {name: c, depends: "a", template: t, continueOn: {error: true}}\n'],
    ])('with %s the run continues, with a note that failFast is not simulated', (_, tasks) => {
      const r = importArgo(dag(tasks));
      if (!r.ok) throw new Error(r.message);
      expect(r.scenario.policy).toBeUndefined();
      expect(r.warnings[0]).toEqual({ code: 'not-simulated', path: 'spec.templates[0].dag.failFast', message: HANDLED_NOTE('failFast is on by default'), subject: { noun: 'DAG', name: 'd' } });
    });

    it.each([
      ['dependencies', '      - {name: c, dependencies: [a, b], template: t}\n'],
      ['bare names and .Succeeded joined by &&', '      - {name: c, depends: "a && (b.Succeeded && a.Succeeded)", template: t}\n'],
      ['.Skipped and .Daemoned (never after a failure)', '      - {name: c, depends: "a.Skipped && b.Daemoned", template: t}\n'],
    ])('with only success terms (%s) every failure reaches a leaf: imported as On failure “abort”', (_, tasks) => {
      const r = importArgo(dag(tasks));
      if (!r.ok) throw new Error(r.message);
      expect(r.scenario.policy).toEqual({ onFailure: 'abort' });
      expect(r.warnings[0].message).toBe(ABORT_NOTE('failFast is on by default'));
    });
  });

  it('the bench\'s wide Argo-like DAG says failFast: false, so every branch runs after its failures (no step cancelled) and its figures stay comparable', () => {
    const scenario = wideDag(300);
    expect(scenario.policy).toBeUndefined();
    const result = simulate(scenario, { lint: false });
    const states = Object.values(result.steps).map((s) => s.state);
    expect(states).toContain('failed');
    expect(states).not.toContain('cancelled');
  });
});
