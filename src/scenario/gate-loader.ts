import type * as Edits from './edits.ts';
import type { OpenOptions, OpenResult } from './open-value.ts';
import type { Problem, Scenario, ValidationResult } from './types.ts';

// The gate's checks (validate.ts with the lesson check, open-value.ts with the migrations) and the
// edits they check (edits.ts), ~17 kB gzip, are not needed to draw the first canvas of a first
// visit, so they are not in the main chunk (issue #15). They load at start-up right after it (`loadScenarioGate`), before it when a
// stored draft is to be restored (src/app/main.tsx), and with every chunk that opens input (a
// link, a file, an embed's message), which import the gate themselves: validate.ts hands its
// function over here when it is evaluated, so the store's synchronous checks (edits, runs) have
// it from the moment any path loaded it. Until then a check fails closed: nothing unchecked is
// ever committed, run or restored.

type Validate = (input: unknown) => ValidationResult;
type ValidateEdit = (before: Scenario, after: Scenario) => ValidationResult;
type OpenScenarioValue = (input: unknown, options?: OpenOptions) => OpenResult;

/**
 * Scenarios the gate found nothing wrong with: validate.ts's `checkScenario` adds its input and
 * clean copy, the store one the gate checked elsewhere (a link decoded in the text worker:
 * `LoadOptions.checked`). Never changed in place, so they stay clean; an edit of one is checked
 * by what it changed (`validateEdit`).
 */
export const checkedClean = new WeakSet<object>();

let loadedValidate: Validate | null = null;
let loadedValidateEdit: ValidateEdit | null = null;
let loadedOpen: OpenScenarioValue | null = null;
let loadedEditFunctions: typeof Edits | null = null;
let loading: Promise<void> | null = null;

/** Called by validate.ts when it is evaluated. */
export function provideValidate(fn: Validate, edit: ValidateEdit): void {
  loadedValidate = fn;
  loadedValidateEdit = edit;
}

/** True once the checks and the edits are here (then `validate` and `openScenarioValue` below answer for real). */
export function scenarioGateLoaded(): boolean {
  return loadedValidate !== null && loadedOpen !== null && loadedEditFunctions !== null;
}

/** True once `validate` answers for real: with the gate, or with any chunk that imports validate.ts (a link, an embed). */
export function validateLoaded(): boolean {
  return loadedValidate !== null;
}

/** The pure edits of src/scenario/edits.ts once loaded (with the gate), else null. */
export function loadedEdits(): typeof Edits | null {
  return loadedEditFunctions;
}

/**
 * Loads the gate once; later calls share the promise. Rejects when its chunk cannot be loaded
 * (a later call tries again).
 */
export function loadScenarioGate(): Promise<void> {
  if (scenarioGateLoaded()) return Promise.resolve();
  // open-value.ts imports validate.ts, which provides `validate` as it is evaluated.
  loading ??= Promise.all([import('./open-value.ts'), import('./edits.ts')]).then(
    ([open, edits]) => {
      loadedOpen = open.openScenarioValue;
      loadedEditFunctions = edits;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** What a check or an edit answers before the gate has loaded. */
export const GATE_NOT_LOADED: Problem = {
  code: 'internal',
  path: '',
  message: 'Ripple is still loading its scenario checks: try again in a moment (or reload the page if this stays).',
};

/**
 * validate.ts's `validate` (same shape, never throws) once the gate has loaded; until then an
 * `internal` problem that says so, and the load is started.
 */
export function validate(input: unknown): ValidationResult {
  if (loadedValidate) return loadedValidate(input);
  void loadScenarioGate().catch(() => undefined);
  return { ok: false, problems: [GATE_NOT_LOADED] };
}

/** validate.ts's `validateEdit` (`validate(after)`, found from what the edit of `before` changed) once loaded, else `validate(after)` above. */
export function validateEdit(before: Scenario, after: Scenario): ValidationResult {
  return loadedValidateEdit ? loadedValidateEdit(before, after) : validate(after);
}

/**
 * open-value.ts's `openScenarioValue` (same shape, never throws) once the gate has loaded; until
 * then an `invalid` result with the `internal` problem above, and the load is started.
 */
export function openScenarioValue(input: unknown, options?: OpenOptions): OpenResult {
  if (loadedOpen) return loadedOpen(input, options);
  void loadScenarioGate().catch(() => undefined);
  return { ok: false, kind: 'invalid', message: GATE_NOT_LOADED.message, problems: [GATE_NOT_LOADED], count: 1 };
}
