// A lesson scenario through the gate: the scenario part through `validate`, the `lesson` block
// through `checkLesson`. Until validate.ts checks `lesson` itself (the gate branch wires
// `checkLesson` in), it refuses the field as unknown; splitting it off here keeps lessons
// openable either way, with the same problems and paths.
import { checkLesson } from '../scenario/lesson.ts';
import type { Scenario, ValidationResult } from '../scenario/types.ts';
import { validate } from '../scenario/validate.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `validateLessonScenario(json)` → `{ ok: true, scenario }` with its lesson, or every problem
 * of both parts (`lesson.challenges[0].step: no step "shipp" …`). A document without a lesson
 * is validated as it is.
 */
export function validateLessonScenario(raw: unknown): ValidationResult {
  if (!isRecord(raw) || !Object.prototype.hasOwnProperty.call(raw, 'lesson')) return validate(raw);
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (key !== 'lesson') rest[key] = raw[key];
  const base = validate(rest);
  const stepIds = new Set(base.ok ? base.scenario.steps.map((s) => s.id) : stepIdsOf(rest));
  const checked = checkLesson(raw.lesson, 'lesson', stepIds);
  if (!base.ok) return { ok: false, problems: [...base.problems, ...checked.problems] };
  if (checked.lesson === undefined) return { ok: false, problems: checked.problems };
  const scenario: Scenario = { ...base.scenario, lesson: checked.lesson };
  return { ok: true, scenario, warnings: base.warnings };
}

/** The ids of an invalid document's steps, so lesson problems are still reported precisely. */
function stepIdsOf(doc: Record<string, unknown>): string[] {
  const steps = doc.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s: unknown) => (isRecord(s) && typeof s.id === 'string' ? [s.id] : []));
}

