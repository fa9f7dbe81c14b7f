import { describe, expect, it } from 'vitest';
import { runDialect } from '../../../src/cli/import.ts';
import { dialectView, dialectViewOptions } from '../../../src/engine/dialect.ts';
import { simulate } from '../../../src/engine/index.ts';
import { canonicalScenario } from '../../../src/scenario/canonical.ts';
import { importStepFunctions } from '../../../src/scenario/dialects/step-functions.ts';
import { importGithubActions } from '../../../src/scenario/dialects/github-actions.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../../src/scenario/link-codec.ts';
import { readSource, scenarioToSource } from '../../../src/scenario/source-text.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { validate } from '../../../src/scenario/validate.ts';
import { fixture } from './run.ts';

// Issue #11: GitHub `continue-on-error`, Argo `continueOn.failed`, ASL `Catch` and Fail states
// are step flags of the scenario (`continueOnError`, `continueOnFailed`, `catch`, `failState`):
// a saved file, a link and the Source tab keep them, and the gate takes each only with its dialect.

async function monorepo(): Promise<Scenario> {
  const r = await importGithubActions(fixture('github-monorepo.yml'));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

function saga(): Scenario {
  const r = importStepFunctions(fixture('sfn-retry-backoff.asl.json'));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

/** The CLI's `--json` dialect block for `args`, reading files from `files` (else the fixtures). */
async function cliDialect(args: string[], files: Record<string, string> = {}): Promise<{ conclusion: string; steps: Record<string, { state: string }> }> {
  let out = '';
  let err = '';
  const readFile = (name: string) => files[name] ?? fixture(name);
  const code = await runDialect([...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (err += t), readFile, writeFile: () => undefined });
  expect(code, err).toBe(0);
  return (JSON.parse(out) as { dialect: { conclusion: string; steps: Record<string, { state: string }> } }).dialect;
}

describe('dialect flags travel in the scenario', () => {
  it('dialectViewOptions reads them: tolerated, caught, failStates; none gives {}', async () => {
    expect(dialectViewOptions(await monorepo())).toEqual({ tolerated: ['test-backend'] });
    expect(dialectViewOptions(saga())).toEqual({ caught: ['Generate-random-response'], failStates: ['Fail'] });
    expect(dialectViewOptions({ steps: [{ id: 'a', continueOnFailed: true }, { id: 'b', continueOnError: false }] })).toEqual({ tolerated: ['a'] });
    expect(dialectViewOptions({ steps: [{ id: 'a' }] })).toEqual({});
  });

  it('a link round trip keeps them, and with them the conclusion', async () => {
    for (const scenario of [await monorepo(), saga()]) {
      const link = encodeScenarioLink(scenario);
      expect(link.startsWith('r2.')).toBe(true);
      const decoded = decodeScenarioLink(link);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const flags = (s: Scenario) => s.steps.map((x) => [x.id, x.continueOnError, x.continueOnFailed, x.catch, x.failState]);
      expect(flags(decoded.scenario)).toEqual(flags(scenario));
      expect(dialectViewOptions(decoded.scenario)).toEqual(dialectViewOptions(scenario));
    }
    const decoded = decodeScenarioLink(encodeScenarioLink(await monorepo()));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const failing: Scenario = { ...decoded.scenario, steps: decoded.scenario.steps.map((s) => (s.id === 'test-backend' ? { ...s, fail: { status: 500 } } : s)) };
    expect(dialectView(simulate(failing), 'github-actions', dialectViewOptions(failing)).conclusion).toBe('success');
  });

  it('the Source tab writes and reads them, in YAML and JSON', () => {
    const scenario = saga();
    for (const format of ['yaml', 'json'] as const) {
      const read = readSource(scenarioToSource(scenario, format), format);
      expect(read.ok && dialectViewOptions(read.scenario)).toEqual({ caught: ['Generate-random-response'], failStates: ['Fail'] });
    }
  });

  it('canonical form keeps true and drops false', () => {
    const s: Scenario = { version: 2, title: 'T', steps: [{ id: 'a', continueOnError: true }, { id: 'b', continueOnError: false }], dependencies: [], dialect: 'github-actions' };
    expect(canonicalScenario(s).steps).toEqual([{ id: 'a', continueOnError: true }, { id: 'b' }]);
  });

  it('a saved GitHub scenario with continue-on-error concludes in the CLI as its import does', async () => {
    const saved = JSON.stringify(await monorepo());
    const fromImport = await cliDialect(['--input', 'github-actions', 'github-monorepo.yml', '--fail', 'test-backend']);
    const fromSaved = await cliDialect(['saved.json', '--fail', 'test-backend'], { 'saved.json': saved });
    expect(fromImport.conclusion).toBe('success');
    expect(fromSaved).toEqual(fromImport);
  });
});

describe('the gate takes each flag only with its dialect, naming the path', () => {
  const doc = (dialect: string | undefined, step: Record<string, unknown>): unknown => ({
    version: 2,
    title: 'T',
    steps: [{ id: 'a' }, { id: 'b', ...step }],
    dependencies: [{ from: 'a', to: 'b' }],
    ...(dialect === undefined ? {} : { dialect }),
  });
  const problems = (input: unknown) => {
    const r = validate(input);
    return r.ok ? [] : r.problems.map((p) => [p.code, p.path, p.message]);
  };

  it('accepts each with its own dialect', () => {
    expect(problems(doc('github-actions', { continueOnError: true }))).toEqual([]);
    expect(problems(doc('argo', { continueOnFailed: true }))).toEqual([]);
    expect(problems(doc('step-functions', { catch: true, failState: true }))).toEqual([]);
  });

  it('refuses each with another dialect or none', () => {
    expect(problems(doc('argo', { continueOnError: true }))).toEqual([
      ['conflicting-fields', 'steps[1].continueOnError', expect.stringMatching(/GitHub Actions `continue-on-error`: it needs "dialect": "github-actions" \(the scenario's dialect is "argo"\)/)],
    ]);
    expect(problems(doc(undefined, { continueOnFailed: true }))).toEqual([['conflicting-fields', 'steps[1].continueOnFailed', expect.stringMatching(/needs "dialect": "argo"/)]]);
    expect(problems(doc('github-actions', { catch: true, failState: true }))).toEqual([
      ['conflicting-fields', 'steps[1].catch', expect.stringMatching(/Step Functions `Catch`: it needs "dialect": "step-functions"/)],
      ['conflicting-fields', 'steps[1].failState', expect.stringMatching(/Step Functions Fail state: it needs "dialect": "step-functions"/)],
    ]);
  });

  it('refuses a value that is not true or false, and the flags in a version-1 file', () => {
    expect(problems(doc('github-actions', { continueOnError: 'yes' }))).toEqual([['wrong-type', 'steps[1].continueOnError', expect.stringMatching(/expected true or false/)]]);
    const v1 = validate({ version: 1, title: 'T', steps: [{ id: 'a', catch: true }], dependencies: [] });
    expect(v1.ok).toBe(false);
  });
});
