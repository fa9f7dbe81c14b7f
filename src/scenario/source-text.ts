// The scenario as text for the Source tab (issue #14): written as JSON or YAML, and read back
// through the same gate as any opened file, with each problem placed at its line and column
// so the editor can underline it. Only the lazily loaded Source tab imports this module (it
// brings the `yaml` package).
import { stringify } from 'yaml';
import { openScenario } from './open-scenario.ts';
import { readJsonText } from './intake/json-text.ts';
import { readYamlText } from './intake/yaml.ts';
import type { Problem, Scenario } from './types.ts';

export type SourceFormat = 'json' | 'yaml';

/** A problem of the text, placed: 1-based `line` and `column` of the node its path names (or of the document). */
export interface SourceProblem {
  message: string;
  line: number;
  column: number;
  /** Warnings do not stop the scenario from being used. */
  severity: 'error' | 'warning';
  /** The message already says where (a reader's syntax error): do not say it again. */
  placed?: true;
}

export type SourceRead = { ok: true; scenario: Scenario; warnings: SourceProblem[] } | { ok: false; problems: SourceProblem[] };

/**
 * The scenario as the Source tab shows it: JSON with two-space indentation, or YAML (block
 * style, keys in the scenario's own order). Both read back to the same scenario.
 */
export function scenarioToSource(scenario: Scenario, format: SourceFormat): string {
  return format === 'json' ? `${JSON.stringify(scenario, null, 2)}\n` : stringify(scenario, { lineWidth: 0 });
}

/**
 * Reads the Source tab's text as a scenario (`format` decides the syntax). Never throws. A
 * syntax error is placed where its reader found it; every other problem at the line and column
 * of the node its path names (or its nearest ancestor; line 1 for the document as a whole),
 * located through the YAML reader, of which JSON is a subset.
 */
export function readSource(text: string, format: SourceFormat): SourceRead {
  let value: unknown;
  if (format === 'json') {
    const read = readJsonText(text, { what: 'scenario text' });
    if (!read.ok) {
      const at = read.error.kind === 'not-json' ? read.error : { line: 1, column: 1 };
      return { ok: false, problems: [{ message: read.error.message, line: at.line, column: at.column, severity: 'error', placed: true }] };
    }
    value = read.value;
  }
  const yaml = readYamlText(text);
  if (format === 'yaml') {
    if (!yaml.ok) {
      const at = yaml.error.kind === 'not-yaml' ? yaml.error : { line: 1, column: 1 };
      return { ok: false, problems: [{ message: yaml.error.message, line: at.line, column: at.column, severity: 'error', placed: true }] };
    }
    value = yaml.value;
  }
  const opened = openScenario(value);
  const place = (p: Problem, severity: SourceProblem['severity']): SourceProblem => {
    const at = yaml.ok && p.path !== '' ? yaml.locate(p.path) : null;
    return { message: p.path ? `${p.path}: ${p.message}` : p.message, line: at?.line ?? 1, column: at?.column ?? 1, severity };
  };
  if (opened.ok) return { ok: true, scenario: opened.scenario, warnings: opened.warnings.map((w) => place(w, 'warning')) };
  if (opened.problems.length === 0) return { ok: false, problems: [{ message: opened.message, line: 1, column: 1, severity: 'error' }] };
  return { ok: false, problems: opened.problems.map((p) => place(p, 'error')) };
}
