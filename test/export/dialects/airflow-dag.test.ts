// The Airflow DAG file export: read by Python's own parser (ast), it holds the very tasks,
// trigger rules, retries and dependencies of the REST task list export (whose round trip through
// the Airflow importer runs as the preset: round-trip.test.ts), and no user text outside a
// string literal.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/presets/index.ts';
import { exportAirflowDag } from '../../../src/export/dialects/airflow-dag.ts';
import { exportAirflowTasks } from '../../../src/export/dialects/airflow.ts';
import { dialectExportFile } from '../../../src/export/dialects/index.ts';
import type { Scenario } from '../../../src/scenario/types.ts';

// Reads a DAG file with Python's ast module: the DAG's arguments, each task (its Python name,
// operator and keyword arguments: literals as values, calls as source text), each `a >> b`, and
// every top-level statement's kind.
const DAG_READER = String.raw`
import ast, json, sys
def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ast.unparse(node)
def read(source):
    tree = ast.parse(source)
    out = {"top": [type(s).__name__ for s in tree.body], "dag": {}, "tasks": [], "edges": [], "other": []}
    for s in tree.body:
        if isinstance(s, ast.With):
            call = s.items[0].context_expr
            out["dag"] = {k.arg: value(k.value) for k in call.keywords}
            for t in s.body:
                if isinstance(t, ast.Assign) and isinstance(t.value, ast.Call):
                    out["tasks"].append({"name": t.targets[0].id, "operator": t.value.func.id, "kwargs": {k.arg: value(k.value) for k in t.value.keywords}})
                elif isinstance(t, ast.Expr) and isinstance(t.value, ast.BinOp) and isinstance(t.value.op, ast.RShift):
                    out["edges"].append([t.value.left.id, t.value.right.id])
                else:
                    out["other"].append(ast.unparse(t))
    return out
print(json.dumps([read(source) for source in json.load(sys.stdin)]))
`;

interface ReadDag {
  top: string[];
  dag: Record<string, unknown>;
  tasks: { name: string; operator: string; kwargs: Record<string, unknown> }[];
  edges: [string, string][];
  other: string[];
}

const hasPython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;

/** Each file read by one python3 process. */
function readDags(codes: string[]): ReadDag[] {
  const result = spawnSync('python3', ['-c', DAG_READER], { input: Buffer.from(JSON.stringify(codes), 'utf8'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not parse a DAG file:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ReadDag[];
}
const readDag = (code: string): ReadDag => readDags([code])[0];

function dagText(scenario: Scenario): string {
  const exported = exportAirflowDag(scenario);
  if (!exported.ok) throw new Error(exported.message);
  return exported.text;
}

// Python ships on CI machines and on this one; a machine without it cannot check the file.
describe.runIf(hasPython)('an Airflow DAG file, read by Python (skipped only where python3 is missing)', () => {
  const presets = PRESETS.filter((p) => exportAirflowTasks(p.scenario).ok);
  const readPresets = new Map<string, ReadDag>();
  beforeAll(() => {
    const read = readDags(presets.map((p) => dagText(p.scenario)));
    presets.forEach((p, i) => readPresets.set(p.name, read[i]));
  });

  it.each(presets.map((p) => [p.name, p.scenario] as const))(
    '%s: the same tasks, trigger rules, retries and dependencies as the task list export',
    (name, scenario) => {
      const read = readPresets.get(name)!;
      const list = exportAirflowTasks(scenario);
      if (!list.ok) throw new Error(list.message);
      const tasks = (JSON.parse(list.text) as { tasks: { task_id: string; class_ref: { class_name: string }; trigger_rule: string; retries: number; downstream_task_ids: string[] }[] }).tasks;
      expect(read.other).toEqual([]);
      const idOf = new Map(read.tasks.map((t) => [t.name, t.kwargs.task_id as string]));
      expect(read.tasks.map((t) => [t.kwargs.task_id, t.operator, t.kwargs.trigger_rule ?? 'all_success', t.kwargs.retries ?? 0])).toEqual(
        tasks.map((t) => [t.task_id, t.class_ref.class_name, t.trigger_rule, t.retries]),
      );
      const downstream = (id: string) => read.edges.filter(([from]) => idOf.get(from) === id).map(([, to]) => idOf.get(to));
      for (const t of tasks) expect([t.task_id, downstream(t.task_id)]).toEqual([t.task_id, t.downstream_task_ids]);
    },
  );

  it('keeps a hostile title a string: the file is only imports and the DAG, and Python reads the title back as written', () => {
    const title = 'Ops """\nimport os; os.system("echo INJECTED")\n# \u2028 \'x\' \\';
    const scenario: Scenario = { version: 2, title, steps: [{ id: 'import' }, { id: '1-st.ep', fail: { status: 500 } }], dependencies: [{ from: 'import', to: '1-st.ep' }] };
    const read = readDag(dagText(scenario));
    expect(read.top).toEqual(['Import', 'ImportFrom', 'ImportFrom', 'ImportFrom', 'With']);
    expect(read.dag.description).toBe(title);
    expect(read.dag.dag_id).toBe('ops-import-os-os-system-echo-injected-x');
    // Step ids that are Python keywords or start with a digit get names of their own; the task ids stay.
    expect(read.tasks.map((t) => [t.name, t.kwargs.task_id])).toEqual([
      ['import_', 'import'],
      ['task_1_st_ep', '1-st.ep'],
    ]);
    expect(read.edges).toEqual([['import_', 'task_1_st_ep']]);
  });

  it('writes retries, their delay and the timeout as BaseOperator arguments', () => {
    const scenario: Scenario = { version: 2, title: 'Retry', steps: [{ id: 'call', fail: { status: 503, times: 2 }, retry: { maxAttempts: 3, delayMs: 1500 }, timeoutMs: 120_000 }], dependencies: [] };
    const [task] = readDag(dagText(scenario)).tasks;
    expect(task.kwargs).toEqual({
      task_id: 'call',
      bash_command: 'test {{ ti.try_number }} -gt 2',
      retries: 2,
      retry_delay: 'datetime.timedelta(milliseconds=1500)',
      execution_timeout: 'datetime.timedelta(minutes=2)',
    });
  });
});

describe('a step that fails its first tries', () => {
  it("fails in bash on Airflow's tries 1 and 2 and succeeds on try 3, as Ripple's fail.times 2 says", () => {
    const scenario: Scenario = { version: 2, title: 'Flaky', steps: [{ id: 'call', fail: { status: 503, times: 2 }, retry: { maxAttempts: 3 } }], dependencies: [] };
    const command = /bash_command="([^"]+)"/.exec(dagText(scenario))![1];
    // Airflow renders the Jinja template with the task instance's try number (from 1).
    const exits = [1, 2, 3].map((n) => spawnSync('bash', ['-c', command.replace('{{ ti.try_number }}', String(n))]).status);
    expect(exits).toEqual([1, 1, 0]);
  });

  it('fails on every try without fail.times', () => {
    const scenario: Scenario = { version: 2, title: 'Down', steps: [{ id: 'call', fail: { status: 500 } }], dependencies: [] };
    expect(dagText(scenario)).toContain('call = BashOperator(task_id="call", bash_command="exit 1")');
  });
});

describe('refusals and the download', () => {
  it('refuses a condition with no trigger rule, naming the step, as the task list does', () => {
    const scenario: Scenario = {
      version: 2,
      title: 'Mixed',
      steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      dependencies: [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c', on: 'failure' },
      ],
    };
    const exported = exportAirflowDag(scenario);
    expect(exported).toEqual({ ok: false, message: 'This scenario has no exact Airflow DAG: c: its dependencies mix success and failure conditions; a trigger rule applies to all upstream tasks alike.' });
  });

  it('both Airflow files say that a retry delay growing ×2 in Ripple is written fixed', () => {
    const scenario: Scenario = { version: 2, title: 'Backoff', steps: [{ id: 'call', retry: { maxAttempts: 3, delayMs: 100, factor: 2 } }], dependencies: [] };
    const note = "call's retry delay grows ×2 in Ripple; Airflow's retry_exponential_backoff has its own growth, so the delay is written fixed";
    for (const exported of [exportAirflowDag(scenario), exportAirflowTasks(scenario)]) expect(exported.ok && exported.warnings).toEqual([note]);
  });

  it('downloads as <title>_dag.py', () => {
    const scenario: Scenario = { version: 2, title: 'Nightly build', steps: [{ id: 'build' }], dependencies: [] };
    const file = dialectExportFile('airflow-dag', scenario);
    expect(file.ok && [file.filename, file.mime]).toEqual(['nightly-build_dag.py', 'text/x-python']);
  });
});
