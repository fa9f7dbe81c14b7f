import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ProblemList } from '../../src/app/share/ProblemList.tsx';
import { importAirflowTasks } from '../../src/scenario/dialects/airflow.ts';
import { importArgo } from '../../src/scenario/dialects/argo.ts';
import type { Problem } from '../../src/scenario/types.ts';

// The toast's notes (tryout: seven identical lines, each behind a field path, over half the canvas).

const tasks = Array.from({ length: 9 }, (_, i) => `      - { name: t${i + 1}, template: ${i < 7 ? 'bad' : 'ok'} }`).join('\n');
const argo = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: seven-bad }
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      failFast: false
      tasks:
${tasks}
  - name: ok
    container: { image: busybox, command: [echo], args: ["ok"] }
  - name: bad
    container: { image: busybox, command: [sh, -c], args: ["exit 1"] }
`;

describe('ProblemList', () => {
  it('seven Argo tasks on a failing template: one line naming four of them and "3 more", each name with its field path; every path under "Where in the file"', () => {
    const r = importArgo(argo);
    if (!r.ok) throw new Error(r.message);
    render(<ProblemList problems={r.warnings} max={5} label="Notes" />);
    const lines = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)).toEqual([
      '7 tasks (“t1”, “t2”, “t3”, “t4” and 3 more): template "bad" runs "exit 1" whatever happens, so Argo marks the task Failed: imported as failing',
    ]);
    expect(screen.getByText('“t2”')).toHaveAttribute('title', 'spec.templates[0].dag.tasks[1].template');
    const where = screen.getByText('Where in the file').closest('details')!;
    expect(where).not.toHaveAttribute('open');
    expect(within(where).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      Array.from({ length: 7 }, (_, i) => `spec.templates[0].dag.tasks[${i}].template (task "t${i + 1}")`),
    );
  });

  it('the failFast note, about the whole DAG, starts with the DAG’s name, not its field path (tryout: "spec.templates[0].dag.failFast Argo’s …")', () => {
    const r = importArgo(argo.replace('      failFast: false\n', ''));
    if (!r.ok) throw new Error(r.message);
    render(<ProblemList problems={r.warnings} max={5} label="Notes" />);
    const first = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem')[0];
    expect(first.textContent).toMatch(/^DAG “main”: Argo's failFast is on by default: once a task fails, Argo schedules no new tasks\. /);
    expect(within(first).getByText('“main”')).toHaveAttribute('title', 'spec.templates[0].dag.failFast');
    expect(within(screen.getByText('Where in the file').closest('details')!).getAllByRole('listitem')[0].textContent).toBe('spec.templates[0].dag.failFast (DAG "main")');
  });

  it('a note about one task says "Task" and its name; notes about no task keep their paths; lines past the cap are counted as notes', () => {
    const r = importAirflowTasks({ tasks: [{ task_id: 'load', depends_on_past: true, downstream_task_ids: [] }] });
    if (!r.ok) throw new Error(r.message);
    const loose: Problem[] = [
      { code: 'ignored', path: 'a.b', message: 'not kept' },
      { code: 'ignored', path: 'a.c', message: 'not kept' },
      { code: 'ignored', path: 'z', message: 'first of the hidden' },
      { code: 'ignored', path: 'y', message: 'second of the hidden' },
      { code: 'ignored', path: 'x', message: 'second of the hidden' },
    ];
    render(<ProblemList problems={[...r.warnings, ...loose]} max={2} label="Notes" />);
    expect(within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Task “load”: earlier DAG runs are not simulated',
      'a.b, a.c: not kept',
      '… and 2 more notes',
    ]);
  });
});

describe('ProblemList: a note’s `backticked` words', () => {
  it('are drawn as code, without their backticks; an unmatched backtick stays as written; never markup', () => {
    const problems: Problem[] = [
      { code: 'not-simulated', path: '', message: 'Ripple runs the `if` itself, so the step\'s `when` is simpler', subject: { noun: 'job', name: 'publish' } },
      { code: 'not-simulated', path: 'a.b', message: 'one ` alone' },
      { code: 'not-simulated', path: 'c', message: 'then `<b>x</b>` and ` after' },
    ];
    render(<ProblemList problems={problems} />);
    const [first, second, third] = screen.getAllByRole('listitem');
    expect(first.textContent).toBe('Job “publish”: Ripple runs the if itself, so the step\'s when is simpler');
    expect([...first.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['if', 'when']);
    expect(second.textContent).toBe('a.b one ` alone');
    expect(second.querySelector('code:not(:first-child)')).toBeNull();
    expect(third.textContent).toBe('c then <b>x</b> and ` after');
    expect(third.querySelector('b')).toBeNull();
  });
});
