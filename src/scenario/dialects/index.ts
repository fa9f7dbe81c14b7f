// The dialect importers behind one entry (issue #11). Heavy (GitHub's parser and expression
// package, the YAML reader): the app loads this module with `import()`, never statically.
import { importGraphBatch } from '../graph-batch.ts';
import { problemAt, refuse, SUBJECT_NOUN, type DialectImport, type InputFormat } from './common.ts';
import { detectFormat } from './detect.ts';
import { importAirflowTasks } from './airflow.ts';
import { importArgo, type ArgoExtras } from './argo.ts';
import { importGithubActions, type GithubExtras } from './github-actions.ts';
import { importODataMultipart } from './odata-multipart.ts';
import { importStepFunctions } from './step-functions.ts';

export * from './common.ts';
export { detectFormat, type Detected } from './detect.ts';
export { GITHUB_CONTEXT_DEFAULTS } from './github-if.ts';
export { TRIGGER_RULES, TRIGGER_RULE_MEANING, triggerRuleWhen, type TriggerRule } from './airflow.ts';
export type { ArgoExtras, GithubExtras };

export interface ImportOptions {
  /** GitHub contexts (`github.ref` → `refs/tags/v1`); other formats ignore them. */
  context?: ReadonlyMap<string, string> | Record<string, string>;
  fileName?: string;
}

/** An import with what the dialect view of its format needs besides the scenario. */
export type ImportWithExtras = DialectImport & { extras?: GithubExtras | ArgoExtras };

/**
 * Imports `text` as `format` (or as the format recognised from its content). Never throws.
 *
 * @example
 * await importDialect(workflowYaml, 'github-actions', { context: { 'github.ref': 'refs/tags/v1' } })
 */
export async function importDialect(text: string, format: InputFormat | 'auto', options: ImportOptions = {}): Promise<ImportWithExtras> {
  let f: InputFormat;
  if (format === 'auto') {
    const d = detectFormat(text);
    if (d.format === null) return refuse('graph-batch', d.message);
    if (d.format === 'scenario') return refuse('graph-batch', 'This is a Ripple scenario, not a file to import: open it as a scenario.');
    f = d.format;
  } else f = format;
  switch (f) {
    case 'github-actions':
      return importGithubActions(text, options);
    case 'argo':
      return importArgo(text);
    case 'airflow-tasks':
      return importAirflowTasks(text);
    case 'step-functions':
      return importStepFunctions(text);
    case 'odata-multipart':
      return importODataMultipart(text);
    case 'graph-batch': {
      const r = importGraphBatch(text);
      if (!r.ok) return { ok: false, format: f, message: r.message, problems: r.problems.length > 0 ? r.problems : [problemAt('not-a-scenario', '', r.message)] };
      // A batch warning's `step` is its request's index, which is also its step's (types.ts Problem).
      const warnings = r.warnings.map((w) => {
        const step = w.step === undefined ? undefined : r.scenario.steps[w.step];
        return step && !w.subject ? { ...w, subject: { noun: SUBJECT_NOUN[f], name: step.label ?? step.id } } : w;
      });
      return { ok: true, format: f, scenario: { ...r.scenario, dialect: 'http' }, warnings };
    }
  }
}
