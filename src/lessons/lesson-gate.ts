// A lesson scenario through the gate. validate.ts checks the `lesson` block itself (with
// `checkLesson`, against the scenario's step ids), so a lesson is validated as any scenario.
import type { ValidationResult } from '../scenario/types.ts';
import { validate } from '../scenario/validate.ts';

/**
 * `validateLessonScenario(json)` → `{ ok: true, scenario }` with its lesson, or every problem
 * of both parts (`lesson.challenges[0].step: no step "shipp" …`): `validate` itself.
 */
export function validateLessonScenario(raw: unknown): ValidationResult {
  return validate(raw);
}
