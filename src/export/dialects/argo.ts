// Export a scenario as an Argo Workflows DAG (issue #11): each step a task, its condition a
// `depends` over its dependencies (docs/enhanced-depends-logic.md). Steps that fail in the
// scenario run a template that exits 1, so the file runs in Argo as it simulates in Ripple.
// Argo cannot tell Ripple's blocked from skipped (both `Omitted`): such terms are written as
// `Omitted` and listed in the warnings.
// Argo's DAG `failFast` is on by default (stop scheduling new tasks after a failure no dependent
// handles). Ripple's default onFailure "continue" runs every branch, so the file says
// `failFast: false`; onFailure "abort" is written as Argo's default, with a note on how they differ.
import { stringify } from 'yaml';
import type { Scenario } from '../../scenario/types.ts';
import { mentionedSteps, type WhenNode } from '../../scenario/when.ts';
import { conditionOf, foreignFlagWarnings, rippleOnlyWarnings, ARGO_TARGET, type DialectExport } from './common.ts';

/**
 * @example
 * exportArgo(paymentFails) // → { ok: true, text: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n…', warnings: [] }
 */
export function exportArgo(scenario: Scenario): DialectExport {
  const warnings: string[] = [...rippleOnlyWarnings(scenario, ARGO_TARGET), ...foreignFlagWarnings(scenario, ['continueOnFailed'])];
  const tasks = scenario.steps.map((step) => {
    const task: Record<string, unknown> = { name: step.id, template: step.fail ? 'fail' : 'pass' };
    if (step.continueOnFailed) task.continueOn = { failed: true };
    const c = conditionOf(scenario, step);
    switch (c.kind) {
      case 'none':
        break;
      case 'default':
        task.depends = c.prerequisites.map((p) => `${p}.Succeeded`).join(' && ');
        break;
      case 'always':
        task.depends = c.prerequisites.map((p) => `(${p}.Succeeded || ${p}.Failed || ${p}.Omitted)`).join(' && ');
        break;
      case 'tree': {
        // Argo waits only for the tasks its depends names: a prerequisite the condition does not
        // read is waited for with a term true in every end state, as Ripple waits for it.
        const named = mentionedSteps(c.tree);
        const waits = c.prerequisites.filter((p) => !named.includes(p)).map((p) => `(${p}.Succeeded || ${p}.Failed || ${p}.Omitted)`);
        task.depends = [write(c.tree, waits.length > 0 ? 1 : 0, (msg) => warnings.push(`${step.id}: ${msg}`)), ...waits].join(' && ');
        break;
      }
    }
    return task;
  });
  const doc = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: `${slug(scenario.title)}-` },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', dag: scenario.policy?.onFailure === 'abort' ? { tasks } : { failFast: false, tasks } },
        { name: 'pass', container: { image: 'busybox', command: ['sh', '-c', 'exit 0'] } },
        { name: 'fail', container: { image: 'busybox', command: ['sh', '-c', 'exit 1'] } },
      ],
    },
  };
  return { ok: true, text: `# Exported from Ripple: ${scenario.title.replace(/\n/g, ' ')}\n${stringify(doc)}`, warnings: [...new Set(warnings)] };
}

function write(n: WhenNode, parent: number, warn: (m: string) => void): string {
  switch (n.kind) {
    case 'term':
      switch (n.result) {
        case 'Succeeded':
        case 'Failed':
          return `${n.step}.${n.result}`;
        case 'Blocked':
        case 'Skipped':
        case 'Cancelled':
          warn(`${n.step}.${n.result} is written ${n.step}.Omitted (Argo does not tell blocked, skipped and cancelled apart)`);
          return `${n.step}.Omitted`;
        case 'bare':
          warn(`${n.step} (Succeeded or Skipped) is written ${n.step}.Succeeded || ${n.step}.Omitted`);
          return parent > 0 ? `(${n.step}.Succeeded || ${n.step}.Omitted)` : `${n.step}.Succeeded || ${n.step}.Omitted`;
      }
      break;
    case 'not':
      return `!${write(n.operand, 2, warn)}`;
    case 'and': {
      const s = `${write(n.left, 1, warn)} && ${write(n.right, 1, warn)}`;
      return parent > 1 ? `(${s})` : s;
    }
    case 'or': {
      const s = `${write(n.left, 0, warn)} || ${write(n.right, 0, warn)}`;
      return parent > 0 ? `(${s})` : s;
    }
  }
  return '';
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'ripple';
}
