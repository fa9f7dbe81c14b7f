import { describe, expect, it } from 'vitest';
import { importAirflowTasks } from '../../src/scenario/dialects/airflow.ts';
import { importArgo } from '../../src/scenario/dialects/argo.ts';
import { importGithubActions } from '../../src/scenario/dialects/github-actions.ts';
import { importStepFunctions } from '../../src/scenario/dialects/step-functions.ts';
import { countNotes, groupProblems, namedMembers, problemLines } from '../../src/scenario/problem-groups.ts';
import type { Problem } from '../../src/scenario/types.ts';

// Tryout: an Argo file with seven tasks on a failing template gave seven identical notes, each
// behind a field path. Every importer now says which task (job, state) a note is about, and
// notes that say the same thing are one group naming them.

/** Each group as [noun, names, message]. */
const told = (warnings: Problem[]) => groupProblems(warnings).map((g) => [g.noun, namedMembers(g).map((m) => m.name), g.message]);

const argo = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: fails-a-lot }
spec:
  entrypoint: main
  onExit: tidy
  templates:
  - name: main
    dag:
      tasks:
      - { name: root, template: ok }
      - { name: l1-t004, depends: root, template: bad }
      - { name: l2-t019, depends: root, template: bad }
      - { name: "Odd Name", depends: root, template: bad, withItems: [1, 2] }
  - name: ok
    container: { image: busybox, command: [echo], args: ["ok"] }
  - name: bad
    container: { image: busybox, command: [sh, -c], args: ["exit 1"] }
  - name: tidy
    container: { image: busybox, command: [echo], args: ["bye"] }
`;

describe('import notes name what they are about, and the same note is told once', () => {
  it('Argo: three tasks on a template that always fails are one group naming them (a renamed task by the name in the file), their paths kept', () => {
    const r = importArgo(argo);
    if (!r.ok) throw new Error(r.message);
    const failing = groupProblems(r.warnings).find((g) => g.message.includes('whatever happens'));
    expect(failing?.noun).toBe('task');
    expect(namedMembers(failing!)).toEqual([
      { name: 'l1-t004', paths: ['spec.templates[0].dag.tasks[1].template'] },
      { name: 'l2-t019', paths: ['spec.templates[0].dag.tasks[2].template'] },
      { name: 'Odd Name', paths: ['spec.templates[0].dag.tasks[3].template'] },
    ]);
    // The renamed id and withItems are about "Odd Name" too; no note is put on the exit handler
    // (its source is the task list as a whole).
    expect(r.warnings.filter((w) => w.path.startsWith('spec.templates[0].dag.tasks[3]')).map((w) => w.subject)).toEqual([
      { noun: 'task', name: 'Odd Name' },
      { noun: 'task', name: 'Odd Name' },
      { noun: 'task', name: 'Odd Name' },
    ]);
    expect(r.warnings.filter((w) => w.subject?.name === 'exit handler tidy' || w.subject?.name === 'onExit')).toEqual([]);
  });

  it('Airflow: two tasks that depend on past runs are one group; a lone note stays a group of one', () => {
    const r = importAirflowTasks({
      tasks: [
        { task_id: 'extract', depends_on_past: true, downstream_task_ids: ['load'] },
        { task_id: 'load', depends_on_past: true, trigger_rule: 'one_success', downstream_task_ids: [] },
      ],
    });
    if (!r.ok) throw new Error(r.message);
    expect(told(r.warnings)).toEqual([
      ['task', ['extract', 'load'], 'earlier DAG runs are not simulated'],
      ['task', ['load'], expect.stringMatching(/^one_success: Airflow fires as soon as one upstream task qualifies/)],
    ]);
    // The toast's headline counts the two lines below it, and says which tasks they are about.
    expect(countNotes(r.warnings)).toBe('2 notes');
  });

  it('the headline counts what the list shows: a line naming seven tasks is one note about 7 tasks, not "7 notes"', () => {
    const onTask = (name: string, message: string): Problem => ({ code: 'ignored', path: `tasks.${name}`, message, subject: { noun: 'task', name } });
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => onTask(name, 'fails'));
    expect(countNotes(seven)).toBe('1 note about 7 tasks');
    // Tryout: "12 notes" above two lines.
    const twelve = [...seven, ...['h', 'i', 'j', 'k', 'l'].map((name) => onTask(name, 'retries'))];
    expect(countNotes(twelve)).toBe('2 notes about 12 tasks');
    // Lines about no task, or about tasks and jobs, are counted as lines alone.
    expect(countNotes([{ code: 'ignored', path: 'a', message: 'x' }, { code: 'ignored', path: 'b', message: 'x' }, { code: 'ignored', path: 'c', message: 'y' }])).toBe('2 notes');
    expect(countNotes([onTask('a', 'x')])).toBe('1 note');
  });

  it('GitHub Actions: jobs by the name the canvas shows (the job’s name, else its id)', async () => {
    const r = await importGithubActions(`
on: push
jobs:
  deploy-eu: { runs-on: ubuntu-latest, environment: prod, steps: [{ run: echo }] }
  deploy-us: { name: Deploy US, runs-on: ubuntu-latest, environment: prod, concurrency: us, steps: [{ run: echo }] }
`);
    if (!r.ok) throw new Error(r.message);
    expect(told(r.warnings)).toEqual([
      ['job', ['deploy-eu', 'Deploy US'], 'environment protection rules (required reviewers, wait timers) are not simulated'],
      ['job', ['Deploy US'], 'concurrency groups are not simulated'],
    ]);
  });

  it('Step Functions: states, nested in a Parallel branch too; a state left out names no step and keeps its path', () => {
    const r = importStepFunctions({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'WaitA', States: { WaitA: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', End: true } } },
            { StartAt: 'WaitB', States: { WaitB: { Type: 'Wait', SecondsPath: '$.s', End: true } } },
          ],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
        Orphan: { Type: 'Pass', End: true },
      },
    });
    if (!r.ok) throw new Error(r.message);
    expect(told(r.warnings)).toEqual([
      [undefined, ['States.Orphan'], 'not reached from StartAt through the simulated transitions; left out'],
      ['state', ['WaitA', 'WaitB'], 'a Wait until a time or a path is simulated as no wait'],
    ]);
  });

  it('groups by message and by noun, in the order first found; notes without a subject group by message with their paths', () => {
    const task = (name: string, path: string, message: string): Problem => ({ code: 'not-simulated', path, message, subject: { noun: 'task', name } });
    const groups = groupProblems([
      task('a', 'tasks[0].x', 'same'),
      { code: 'ignored', path: 'x.y', message: 'same' },
      task('b', 'tasks[1].x', 'other'),
      task('c', 'tasks[2].x', 'same'),
      { code: 'ignored', path: 'x.z', message: 'same' },
      task('a', 'tasks[0].y', 'same'),
    ]);
    expect(groups.map((g) => [g.noun, namedMembers(g)])).toEqual([
      [
        'task',
        [
          { name: 'a', paths: ['tasks[0].x', 'tasks[0].y'] },
          { name: 'c', paths: ['tasks[2].x'] },
        ],
      ],
      [
        undefined,
        [
          { name: 'x.y', paths: ['x.y'] },
          { name: 'x.z', paths: ['x.z'] },
        ],
      ],
      ['task', [{ name: 'b', paths: ['tasks[1].x'] }]],
    ]);
  });
});

describe('problemLines: the notes as a terminal prints them (the CLI)', () => {
  it('three tasks on a failing template are one line naming each with its path; a lone note keeps "path: message"', () => {
    const r = importArgo(argo);
    if (!r.ok) throw new Error(r.message);
    const lines = problemLines(r.warnings);
    const failing = lines.filter((l) => l.includes('whatever happens'));
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(/ \(3 tasks: "l1-t004" at spec\.templates\[0\]\.dag\.tasks\[1\]\.template, "l2-t019" at spec\.templates\[0\]\.dag\.tasks\[2\]\.template, "Odd Name" at spec\.templates\[0\]\.dag\.tasks\[3\]\.template\)$/);
    expect(lines.length).toBe(groupProblems(r.warnings).length);
    expect(problemLines([{ code: 'not-simulated', path: 'a.b', message: 'is odd' }])).toEqual(['a.b: is odd']);
    expect(problemLines([{ code: 'not-simulated', path: '', message: 'is odd' }])).toEqual(['is odd']);
  });

  it('names past ten are counted, not listed; notes about paths only are one line listing the paths', () => {
    const many: Problem[] = Array.from({ length: 13 }, (_, i) => ({ code: 'not-simulated', path: `tasks[${i}]`, message: 'same', subject: { noun: 'task' as const, name: `t${i}` } }));
    expect(problemLines(many)).toEqual([`same (13 tasks: ${many.slice(0, 10).map((p) => `"${p.subject!.name}" at ${p.path}`).join(', ')} and 3 more)`]);
    expect(problemLines([{ code: 'not-simulated', path: 'a', message: 'same' }, { code: 'not-simulated', path: 'b', message: 'same' }])).toEqual(['same (at a, b)']);
  });
});
