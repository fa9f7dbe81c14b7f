// What every dialect importer shares (issue #11): the result shape, the size and count limits
// checked before anything is expanded, and the last gate every import passes through.
//
//   text → size check (MAX_DIALECT_BYTES) → parse (YAML with an alias budget, or JSON)
//        → the format's own reading (warnings name the source path of every construct not mapped)
//        → counts checked against MAX_STEPS / MAX_DEPENDENCIES before the graph is built
//        → finishImport: the scenario gate (ids, references, cycles) and every `when` parsed
//
// A cycle found by the gate is reported at the source construct that closes it (`jobs.b.needs`).
import type { DialectName, Problem, ProblemCode, Scenario, SubjectNoun } from '../types.ts';
import { MAX_DEPENDENCIES, MAX_JSON_BYTES, MAX_STEPS } from '../limits.ts';
import { checkScenario, formatCycle, ID_PATTERN, INTERNAL_ERROR_PREFIX, LIMITS } from '../validate.ts';
import { formatCount, utf8Length } from '../text.ts';

/** The files Ripple imports, by the name `--input` takes. */
export type InputFormat = 'github-actions' | 'argo' | 'airflow-tasks' | 'step-functions' | 'odata-multipart' | 'graph-batch';
export const INPUT_FORMATS: readonly InputFormat[] = ['github-actions', 'argo', 'airflow-tasks', 'step-functions', 'odata-multipart', 'graph-batch'];

/** The dialect an import opens in (`--input airflow-tasks` gives `airflow`; batches are HTTP). */
export const DIALECT_OF: Readonly<Record<InputFormat, DialectName>> = {
  'github-actions': 'github-actions',
  argo: 'argo',
  'airflow-tasks': 'airflow',
  'step-functions': 'step-functions',
  'odata-multipart': 'http',
  'graph-batch': 'http',
};

/** What each format calls one of the things that become steps, for naming them in notes. */
export const SUBJECT_NOUN: Readonly<Record<InputFormat, SubjectNoun>> = {
  'github-actions': 'job',
  argo: 'task',
  'airflow-tasks': 'task',
  'step-functions': 'state',
  'odata-multipart': 'request',
  'graph-batch': 'request',
};

/** Largest file an importer reads, in UTF-8 bytes (the same as a scenario file: 1 MB). */
export const MAX_DIALECT_BYTES = MAX_JSON_BYTES;

/**
 * An import: the scenario (version 2, `dialect` set) and the warnings, each at the source path
 * of a construct that was not mapped or was approximated; or why nothing could be imported.
 */
export type DialectImport =
  | { ok: true; format: InputFormat; scenario: Scenario; warnings: Problem[] }
  | { ok: false; format: InputFormat; message: string; problems: Problem[] };

export function problemAt(code: ProblemCode, path: string, message: string): Problem {
  return { code, path, message };
}

export function refuse(format: InputFormat, message: string, problems: Problem[] = []): DialectImport {
  return { ok: false, format, message, problems: problems.length > 0 ? problems : [problemAt('not-a-scenario', '', message)] };
}

/** The size check every importer makes first; null when the text may be read. */
export function refuseSize(format: InputFormat, text: string, what: string): DialectImport | null {
  const bytes = text.length > MAX_DIALECT_BYTES ? text.length : utf8Length(text);
  if (bytes <= MAX_DIALECT_BYTES) return null;
  const message = `The ${what} is ${formatCount(bytes)} bytes; Ripple imports at most ${formatCount(MAX_DIALECT_BYTES)} (1 MB).`;
  return refuse(format, message, [problemAt('too-large', '', message)]);
}

/** The count check made before the graph is built (limits of src/scenario/limits.ts). */
export function refuseCounts(format: InputFormat, steps: number, dependencies: number, what: { steps: string; path: string }): DialectImport | null {
  if (steps > MAX_STEPS) {
    const message = `The file has ${formatCount(steps)} ${what.steps}; Ripple opens at most ${formatCount(MAX_STEPS)} steps.`;
    return refuse(format, message, [problemAt('too-large', what.path, message)]);
  }
  if (dependencies > MAX_DEPENDENCIES) {
    const message = `The file's dependencies number ${formatCount(dependencies)}; Ripple opens at most ${formatCount(MAX_DEPENDENCIES)}.`;
    return refuse(format, message, [problemAt('too-large', what.path, message)]);
  }
  return null;
}

/** `"list users/{id}"` → `list-users-id`; empty when nothing usable is left. */
export function toStepId(raw: string): string {
  return raw
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * Step ids for source names: a name that is a valid id keeps it (issue #11: "step ids keep the
 * source's own names"); the others are sanitised to unused ids, each rename warned at its path.
 */
export function assignIds(names: readonly string[], pathOf: (i: number) => string, warnings: Problem[]): string[] {
  const ids = new Array<string>(names.length);
  const taken = new Set<string>();
  names.forEach((name, i) => {
    if (ID_PATTERN.test(name) && name !== '__proto__' && !taken.has(name)) {
      ids[i] = name;
      taken.add(name);
    }
  });
  names.forEach((name, i) => {
    if (ids[i] !== undefined) return;
    let base = toStepId(name) || `step-${i + 1}`;
    if (base === '__proto__') base = 'proto';
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base.slice(0, 60)}-${k}`;
    ids[i] = id;
    taken.add(id);
    warnings.push(problemAt('renamed-id', pathOf(i), `${JSON.stringify(name.slice(0, 60))} is not a valid step id; the step is called ${JSON.stringify(id)}`));
  });
  return ids;
}

export function truncate(s: string, max: number = LIMITS.label.max): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * The last gate of every import: the whole scenario through `checkScenario` (ids, references,
 * cycles, every `when` parsed against the step's direct prerequisites, `successStatus`, groups).
 * A cycle is reported at `sourceOfDependency(k)`, the source construct of dependency k; any
 * other finding about step i at `sourceOfStep(id)` (an importer's own mistake, so it says so).
 * Returns the import, or every problem found.
 */
export function finishImport(
  format: InputFormat,
  scenario: Scenario,
  warnings: Problem[],
  sourceOfDependency: (k: number) => string,
  sourceOfStep: (id: string) => string,
): DialectImport {
  const problems: Problem[] = [];
  const report = checkScenario(scenario);
  for (const f of report.findings) {
    if (f.code === 'cycle' && f.cycle) {
      const where = f.dependency === undefined ? '' : sourceOfDependency(f.dependency);
      problems.push(problemAt('cycle', where, `the dependencies form a cycle: ${formatCycle(f.cycle)}`));
      continue;
    }
    const stepId = f.step === undefined ? undefined : scenario.steps[f.step]?.id;
    const where = stepId === undefined ? f.path : sourceOfStep(stepId);
    problems.push(problemAt(f.code, where, `${INTERNAL_ERROR_PREFIX} the imported scenario: ${f.path}: ${f.message}`));
  }
  if (problems.length > 0) {
    return refuse(format, `The file has ${formatCount(problems.length)} problem${problems.length === 1 ? '' : 's'}.`, problems);
  }
  return { ok: true, format, scenario, warnings: nameSubjects(format, scenario, warnings, sourceOfStep) };
}

/**
 * Each warning under one step's source path (`tasks[3]`, `tasks[3].retries`, `jobs.build.if`)
 * gets that step as its `subject`, named as the canvas names it (label, else id), so the notes
 * can say which task they are about. A path shared by two steps, or one that holds every other
 * step's path (an importer's fallback, such as `tasks` for an exit handler), names nobody.
 */
function nameSubjects(format: InputFormat, scenario: Scenario, warnings: Problem[], sourceOfStep: (id: string) => string): Problem[] {
  if (warnings.length === 0) return warnings;
  const byPath = new Map<string, string | null>();
  for (const step of scenario.steps) {
    const path = sourceOfStep(step.id);
    byPath.set(path, byPath.has(path) ? null : (step.label ?? step.id));
  }
  // An importer's fallback for a step with no source of its own (`tasks` for Argo's exit
  // handler) holds every other step's path; a Parallel state's path holds only its branches'.
  const held = new Map<string, number>();
  for (const path of byPath.keys()) for (const cut of cuts(path)) if (byPath.has(cut)) held.set(cut, (held.get(cut) ?? 0) + 1);
  for (const [path, n] of held) if (n === byPath.size - 1) byPath.set(path, null);
  const noun = SUBJECT_NOUN[format];
  return warnings.map((w) => {
    if (w.subject) return w;
    const name = [w.path, ...cuts(w.path)].map((p) => byPath.get(p)).find((n) => n !== undefined);
    return typeof name === 'string' ? { ...w, subject: { noun, name } } : w;
  });
}

/** The paths that hold `path`, longest first: `a.b[2].c` → `a.b[2]`, `a.b`, `a`. */
function cuts(path: string): string[] {
  const out: string[] = [];
  for (let i = path.length - 1; i > 0; i--) if (path[i] === '.' || path[i] === '[') out.push(path.slice(0, i));
  return out;
}

/** Prerequisite ids of each step, in dependency order. */
export function prerequisitesOf(scenario: Pick<Scenario, 'dependencies'>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of scenario.dependencies) {
    const list = map.get(d.to) ?? [];
    list.push(d.from);
    map.set(d.to, list);
  }
  return map;
}
