import { HANG_TIMEOUT_MS } from './defaults.ts';
import { hasDependency } from './edit-graph.ts';
import { cycleIfConnected } from './graph-algorithms.ts';
import { parseWhen } from './when.ts';
import type { Dependency, DependencyCondition, FailSpec, Group, Policy, Position, Problem, ProblemCode, RetrySpec, Scenario, Step } from './types.ts';

// The editor's edits as pure functions: the scenario before → the scenario after, or the
// problems that refuse the edit. An edit that changes nothing returns the same object. They
// do not check the format's rules (the store checks every result with `validate` before it
// commits it); they refuse only what they must know to build the next scenario.

/** The next scenario, or why the edit cannot be made. */
export type Edit = Scenario | Problem[];

/** True when `edit` was refused. */
export function isRefusal(edit: Edit): edit is Problem[] {
  return Array.isArray(edit);
}

/** Fields of a step to change; `undefined` removes the field (back to its default). */
export type StepPatch = { [K in Exclude<keyof Step, 'id'>]?: Step[K] | undefined };

/** How a step answers: succeeds, hangs until its timeout (504), or fails with an HTTP status. */
export type FailureChoice = 'none' | 'timeout' | number;

/** Horizontal distance (px) between a step and one added after it. */
const STEP_GAP_X = 220;

function noStep(id: string): Problem[] {
  return [{ code: 'refused-edit', path: '', message: `No step "${id}".` }];
}

function labelOf(scenario: Scenario, id: string): string {
  return scenario.steps.find((s) => s.id === id)?.label ?? id;
}

/** Drop `undefined` fields so a patch that clears a field leaves no trace in the JSON. */
function applyPatch<T extends object>(value: T, patch: Partial<Record<keyof T, unknown>>): T {
  const next: Record<string, unknown> = { ...value, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as T;
}

function mapStep(scenario: Scenario, id: string, fn: (step: Step) => Step): Edit {
  if (!scenario.steps.some((s) => s.id === id)) return noStep(id);
  return { ...scenario, steps: scenario.steps.map((s) => (s.id === id ? fn(s) : s)) };
}

function samePosition(a: Position | undefined, b: Position): boolean {
  return !!a && a.x === b.x && a.y === b.y;
}

/**
 * Adds step `id` at `position` (rounded to whole px), or right of `after`, or right of every
 * step; with `after`, the new step also depends on it.
 */
export function addStep(scenario: Scenario, id: string, options: { position?: Position; label?: string; after?: string } = {}): Scenario {
  const after = options.after ? scenario.steps.find((s) => s.id === options.after) : undefined;
  const rightmost = scenario.steps.reduce((x, s) => Math.max(x, s.position?.x ?? 0), -STEP_GAP_X);
  const position =
    options.position ?? (after?.position ? { x: after.position.x + STEP_GAP_X, y: after.position.y } : { x: rightmost + STEP_GAP_X, y: 0 });
  const step: Step = { id, label: options.label ?? `Step ${id.slice(5)}`, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  const dependencies: Dependency[] = after ? [...scenario.dependencies, { from: after.id, to: id }] : scenario.dependencies;
  return { ...scenario, steps: [...scenario.steps, step], dependencies };
}

/** Sets the label; a blank label removes it (the step shows its id). */
export function renameStep(scenario: Scenario, id: string, label: string): Edit {
  return mapStep(scenario, id, (s) => applyPatch(s, { label: label.trim() === '' ? undefined : label }));
}

/** Renames a step's id everywhere (its dependencies too); refused when another step has `newId`. */
export function changeStepId(scenario: Scenario, id: string, newId: string): Edit {
  if (id === newId) return scenario;
  if (scenario.steps.some((s) => s.id === newId)) return [{ code: 'duplicate-id', path: 'id', message: `another step already has the id "${newId}"` }];
  const next = mapStep(scenario, id, (s) => ({ ...s, id: newId }));
  if (isRefusal(next)) return next;
  const rename = (x: string) => (x === id ? newId : x);
  // A dependent's `when` names its prerequisites by id: rewrite the terms, so the condition
  // keeps its meaning (R14). An expression that does not parse is left for validation to name.
  const dependents = new Set(scenario.dependencies.filter((d) => d.from === id).map((d) => d.to));
  const steps = next.steps.map((s) => {
    if (s.when === undefined || !dependents.has(s.id === newId ? id : s.id)) return s;
    const prerequisites = scenario.dependencies.filter((d) => d.to === (s.id === newId ? id : s.id)).map((d) => d.from);
    const when = renameInWhen(s.when, s.id, prerequisites, id, newId);
    return when === s.when ? s : { ...s, when };
  });
  const moved: Edit = { ...next, steps, dependencies: next.dependencies.map((d) => ({ ...d, from: rename(d.from), to: rename(d.to) })) };
  if (!next.groups) return moved;
  return { ...moved, groups: next.groups.map((g) => (g.steps.includes(id) ? { ...g, steps: g.steps.map(rename) } : g)) };
}

/** `when` with every term naming prerequisite `from` naming `to` instead; unchanged when it does not parse. */
function renameInWhen(when: string, stepId: string, prerequisites: readonly string[], from: string, to: string): string {
  const parsed = parseWhen(when, stepId, prerequisites);
  if (!parsed.ok) return when;
  const columns: number[] = [];
  const walk = (n: typeof parsed.ast): void => {
    switch (n.kind) {
      case 'term':
        if (n.step === from) columns.push(n.column);
        return;
      case 'not':
        return walk(n.operand);
      case 'and':
      case 'or':
        walk(n.left);
        walk(n.right);
    }
  };
  walk(parsed.ast);
  // From the last term back, so earlier columns stay right.
  let out = when;
  for (const column of columns.sort((a, b) => b - a)) out = out.slice(0, column - 1) + to + out.slice(column - 1 + from.length);
  return out;
}

export function updateStep(scenario: Scenario, id: string, patch: StepPatch): Edit {
  return mapStep(scenario, id, (s) => applyPatch(s, patch));
}

/**
 * Makes the step succeed (`'none'`), hang (`'timeout'`, 504) or fail with a status, keeping
 * its failure's `message` and `times`. A hang needs the step's timeout: a step without one
 * gets `HANG_TIMEOUT_MS`.
 */
export function setStepFailure(scenario: Scenario, id: string, choice: FailureChoice): Edit {
  return mapStep(scenario, id, (step) => {
    if (choice === 'none') return applyPatch(step, { fail: undefined });
    const keep = applyPatch<Partial<FailSpec>>({}, { message: step.fail?.message, times: step.fail?.times });
    if (choice === 'timeout') return { ...step, fail: { timeout: true, ...keep }, timeoutMs: step.timeoutMs ?? HANG_TIMEOUT_MS };
    return { ...step, fail: { status: choice, ...keep } };
  });
}

/** An object without its `undefined` fields; undefined when none is left (the step falls back to the defaults). */
function compact<T extends object>(value: T): T | undefined {
  const out = applyPatch(value, {});
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Changes fields of the step's failure (`undefined` removes one); a failure left empty is removed. */
export function updateFailure(scenario: Scenario, id: string, patch: { [K in keyof FailSpec]?: FailSpec[K] | undefined }): Edit {
  return mapStep(scenario, id, (step) => applyPatch(step, { fail: compact<Partial<FailSpec>>({ ...step.fail, ...patch }) }));
}

/** Changes fields of the step's retry (`undefined` removes one); a retry left empty is removed (sent once). */
export function updateRetry(scenario: Scenario, id: string, patch: { [K in keyof RetrySpec]?: RetrySpec[K] | undefined }): Edit {
  return mapStep(scenario, id, (step) => applyPatch(step, { retry: compact<Partial<RetrySpec>>({ ...step.retry, ...patch }) }));
}

/** Moves steps to `positions` (rounded to whole px); the same scenario when none moved. */
export function moveSteps(scenario: Scenario, positions: Record<string, Position>): Scenario {
  let moved = false;
  const steps = scenario.steps.map((s) => {
    const p = positions[s.id];
    if (!p) return s;
    const rounded = { x: Math.round(p.x), y: Math.round(p.y) };
    if (samePosition(s.position, rounded)) return s;
    moved = true;
    return { ...s, position: rounded };
  });
  return moved ? { ...scenario, steps } : scenario;
}

/**
 * Deletes steps `ids` with their dependencies, and the dependency `edge` if given. Deleted
 * steps leave their groups; a group left with no member goes too.
 */
export function deleteSteps(scenario: Scenario, ids: readonly string[], edge: { from: string; to: string } | null = null): Scenario {
  const gone = new Set(ids);
  const steps = scenario.steps.filter((s) => !gone.has(s.id));
  const dependencies = scenario.dependencies.filter(
    (d) => !gone.has(d.from) && !gone.has(d.to) && !(edge && d.from === edge.from && d.to === edge.to),
  );
  if (steps.length === scenario.steps.length && dependencies.length === scenario.dependencies.length) return scenario;
  const next: Scenario = { ...scenario, steps, dependencies };
  if (!scenario.groups || !scenario.groups.some((g) => g.steps.some((m) => gone.has(m)))) return next;
  return withGroups(
    next,
    scenario.groups.map((g) => ({ ...g, steps: g.steps.filter((m) => !gone.has(m)) })).filter((g) => g.steps.length > 0),
  );
}

/** Adds `from → to`; refused for a missing step, a duplicate, or a cycle (named by labels). */
export function connect(scenario: Scenario, from: string, to: string, on: DependencyCondition = 'success'): Edit {
  const ids = new Set(scenario.steps.map((s) => s.id));
  const refuse = (message: string, code: ProblemCode = 'refused-edit'): Problem[] => [{ code, path: '', message }];
  if (!ids.has(from) || !ids.has(to)) return noStep(ids.has(from) ? to : from);
  if (hasDependency(scenario.dependencies, from, to))
    return refuse(`Not connected: "${labelOf(scenario, to)}" already depends on "${labelOf(scenario, from)}".`, 'duplicate-dependency');
  const cycle = cycleIfConnected(scenario.dependencies, from, to);
  if (cycle)
    return refuse(
      `Not connected: that would make a cycle ${cycle.map((id) => labelOf(scenario, id)).join(' → ')}. ` +
        'A step cannot wait for itself, even through others.',
      'cycle',
    );
  const dep: Dependency = on === 'success' ? { from, to } : { from, to, on };
  return { ...scenario, dependencies: [...scenario.dependencies, dep] };
}

export function disconnect(scenario: Scenario, from: string, to: string): Scenario {
  const dependencies = scenario.dependencies.filter((d) => !(d.from === from && d.to === to));
  return dependencies.length === scenario.dependencies.length ? scenario : { ...scenario, dependencies };
}

export function setEdgeCondition(scenario: Scenario, from: string, to: string, on: DependencyCondition): Edit {
  if (!hasDependency(scenario.dependencies, from, to)) return [{ code: 'refused-edit', path: '', message: `No dependency ${from} → ${to}.` }];
  return {
    ...scenario,
    dependencies: scenario.dependencies.map((d) => (d.from === from && d.to === to ? (on === 'success' ? { from, to } : { from, to, on }) : d)),
  };
}

export function setPolicy(scenario: Scenario, patch: Partial<Policy>): Scenario {
  return { ...scenario, policy: { ...scenario.policy, ...patch } };
}

export function setTitle(scenario: Scenario, title: string): Scenario {
  return scenario.title === title ? scenario : { ...scenario, title };
}

/** Sets the description; an empty one removes the field. */
export function setDescription(scenario: Scenario, description: string): Scenario {
  if ((scenario.description ?? '') === description) return scenario;
  const next: Scenario = { ...scenario, description };
  if (description === '') delete next.description;
  return next;
}

// ---- version 2: run conditions, success status, saga options, atomic groups --------------

/**
 * Sets the step's run condition (R14), trimmed; blank or `undefined` removes it. The
 * expression is not checked here: the store validates the result, and the inspector parses
 * it as the person types (src/scenario/when.ts).
 */
export function setWhen(scenario: Scenario, id: string, when: string | undefined): Edit {
  const text = when?.trim() ?? '';
  return mapStep(scenario, id, (s) => ((s.when ?? '') === text ? s : applyPatch(s, { when: text === '' ? undefined : text })));
}

/**
 * What stands in the way of a `when` on step `id` (R14: the expression alone decides, so the
 * step's incoming dependencies carry no `on` other than `success` and its join is `all`): the
 * prerequisites whose edge has another condition, and the join if it is not `all`.
 */
export function whenConflicts(scenario: Scenario, id: string): { conditions: Dependency[]; join: boolean } {
  const step = scenario.steps.find((s) => s.id === id);
  return {
    conditions: scenario.dependencies.filter((d) => d.to === id && d.on !== undefined && d.on !== 'success'),
    join: step?.join !== undefined && step.join !== 'all',
  };
}

/** Clears what `whenConflicts` names: incoming conditions back to `success`, the join back to `all`. */
export function clearWhenConflicts(scenario: Scenario, id: string): Edit {
  const { conditions, join } = whenConflicts(scenario, id);
  if (!scenario.steps.some((s) => s.id === id)) return noStep(id);
  if (conditions.length === 0 && !join) return scenario;
  const next = join ? (mapStep(scenario, id, (s) => applyPatch(s, { join: undefined })) as Scenario) : scenario;
  return { ...next, dependencies: next.dependencies.map((d) => (conditions.includes(d) ? { from: d.from, to: d.to } : d)) };
}

/** The default answer of a succeeding step (R16); setting it removes the field. */
export const DEFAULT_SUCCESS_STATUS = 200;

/** Sets the step's answer on success (R16, 200–299, checked by validation); 200 or `undefined` removes the field. */
export function setSuccessStatus(scenario: Scenario, id: string, status: number | undefined): Edit {
  const next = status === DEFAULT_SUCCESS_STATUS ? undefined : status;
  return mapStep(scenario, id, (s) => (s.successStatus === next ? s : applyPatch(s, { successStatus: next })));
}

/**
 * Compensate the step even when it ended failed (R17 `evenIfFailed`); off removes the field.
 * Refused for a step without a compensation handler.
 */
export function setEvenIfFailed(scenario: Scenario, id: string, on: boolean): Edit {
  const step = scenario.steps.find((s) => s.id === id);
  if (!step) return noStep(id);
  if (!step.compensation) return [{ code: 'refused-edit', path: '', message: `"${labelOf(scenario, id)}" has no compensation handler to run.` }];
  if (!!step.compensation.evenIfFailed === on) return scenario;
  return mapStep(scenario, id, (s) => ({ ...s, compensation: applyPatch(s.compensation ?? {}, { evenIfFailed: on ? true : undefined }) }));
}

/** The scenario with `groups`; an empty list removes the field. */
function withGroups(scenario: Scenario, groups: Group[]): Scenario {
  const next: Scenario = { ...scenario, groups };
  if (groups.length === 0) delete next.groups;
  return next;
}

/** `group-1`, `group-2`, … the first id taken by no step and no group (they share one namespace, R18). */
export function nextGroupId(scenario: Scenario): string {
  const taken = new Set([...scenario.steps.map((s) => s.id), ...(scenario.groups ?? []).map((g) => g.id)]);
  let n = 1;
  while (taken.has(`group-${n}`)) n++;
  return `group-${n}`;
}

/**
 * Makes an atomic group (R18) of steps `ids` (in scenario order) with `label` (blank: none),
 * under id `groupId`. Refused with no steps, a missing step, or a step already in a group (a
 * step is in at most one).
 */
export function createGroup(scenario: Scenario, groupId: string, ids: readonly string[], label = ''): Edit {
  const members = new Set(ids);
  if (members.size === 0) return [{ code: 'refused-edit', path: '', message: 'Select the steps to put in the group first.' }];
  for (const id of members) if (!scenario.steps.some((s) => s.id === id)) return noStep(id);
  for (const g of scenario.groups ?? []) {
    const taken = g.steps.find((m) => members.has(m));
    if (taken) return [{ code: 'refused-edit', path: '', message: `"${labelOf(scenario, taken)}" is already in the group "${g.label ?? g.id}"; a step is in at most one group.` }];
  }
  const group: Group = applyPatch({ id: groupId, label: label.trim() === '' ? undefined : label.trim(), steps: scenario.steps.filter((s) => members.has(s.id)).map((s) => s.id) }, {});
  return withGroups(scenario, [...(scenario.groups ?? []), group]);
}

function noGroup(id: string): Problem[] {
  return [{ code: 'refused-edit', path: '', message: `No group "${id}".` }];
}

/** Removes group `id`; its steps stay, no longer atomic. */
export function removeGroup(scenario: Scenario, id: string): Edit {
  const groups = scenario.groups ?? [];
  if (!groups.some((g) => g.id === id)) return noGroup(id);
  return withGroups(scenario, groups.filter((g) => g.id !== id));
}

/** Sets the group's label; a blank label removes it (the frame shows the id). */
export function renameGroup(scenario: Scenario, id: string, label: string): Edit {
  const groups = scenario.groups ?? [];
  const group = groups.find((g) => g.id === id);
  if (!group) return noGroup(id);
  const next = label.trim() === '' ? undefined : label.trim();
  if (group.label === next) return scenario;
  return withGroups(scenario, groups.map((g) => (g.id === id ? applyPatch(g, { label: next }) : g)));
}
