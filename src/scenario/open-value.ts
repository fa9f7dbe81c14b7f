// The gate without YAML: untrusted scenario input — an already-parsed value or a JSON string —
// becomes a `Scenario`. open-scenario.ts adds YAML text on top; this half is what the editor's
// first load needs (a link, a stored draft), so the `yaml` package stays out of the main chunk
// (issue #15). In the order of Excalidraw's restore.ts:
//
//   size checks → parse JSON (strings, through intake/json-text.ts)
//   → shape check → migrate → validate → repair
//
// Every stage answers with a typed result; nothing here throws. Repairs are reported as
// warnings, never made silently, and only where the fix cannot change what the simulation
// does (today: a broken `position`, which only affects drawing, is dropped).
import type { Problem, ProblemCode, Scenario } from './types.ts';
import { estimateRunEvents, MAX_DEPENDENCIES, MAX_STEPS } from './limits.ts';
import { readJsonText } from './intake/json-text.ts';
import { migrate } from './migrations.ts';
import { INTERNAL_ERROR_PREFIX, asProblem, checkScenario } from './validate.ts';
import { describe, formatCount } from './text.ts';

export type OpenErrorKind =
  /** More than MAX_JSON_BYTES of text, MAX_STEPS steps or MAX_DEPENDENCIES dependencies. */
  | 'too-large'
  /** A string that is not JSON. */
  | 'not-json'
  /** A string read as YAML (by its file name or its first line) that is not valid YAML. */
  | 'not-yaml'
  /** Made by a newer Ripple (its format version is higher than ours). */
  | 'newer-version'
  /** A format version no Ripple ever wrote, or older than the oldest we read. */
  | 'unknown-version'
  /** Not a scenario, or one that breaks the format's rules: see `problems`. */
  | 'invalid';

/** Like `ValidationResult`, with the kind of failure and a one-line message for a heading. */
export type OpenResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | {
      ok: false;
      kind: OpenErrorKind;
      message: string;
      problems: Problem[];
      /** How many problems there are: `problems` lists at most MAX_PROBLEMS of them, then a summary. */
      count: number;
    };

export interface OpenOptions {
  /** Override MAX_STEPS (e.g. the CLI on a trusted benchmark file). */
  maxSteps?: number;
  /**
   * How to read a string: `'yaml'`, `'json'`, or (absent) by `name` (`.yaml`/`.yml` is YAML)
   * and else by its first line (`looksLikeYaml`: `key:` or `---` is YAML, `{` is JSON).
   */
  format?: 'json' | 'yaml';
  /** The file name the text came from, if any: decides the format when `format` is absent. */
  name?: string;
}

function fail(kind: OpenErrorKind, message: string, problems: Problem[], count = problems.length): OpenResult {
  return { ok: false, kind, message, problems, count };
}

/** `1 problem`, `3 problems`: the count of an invalid document, in the words every message uses. */
export function problemCount(n: number): string {
  return `${formatCount(n)} problem${n === 1 ? '' : 's'}`;
}

/** A failure whose one problem is the message itself, at the document root. */
export function failWhole(kind: OpenErrorKind, code: ProblemCode, message: string): OpenResult {
  return fail(kind, message, [{ code, path: '', message }]);
}

/**
 * What Ripple itself writes but does not open, by the name of the menu item that writes it,
 * so the message uses the words of the button the person pressed.
 */
const FOREIGN_FORMATS = {
  'chrome-trace': 'Chrome trace (Perfetto)',
  'batch-response': 'Batch response (JSON $batch)',
  webdav: 'WebDAV 207 Multi-Status (XML)',
} as const;

export type ForeignFormat = keyof typeof FOREIGN_FORMATS | 'batch-request';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownArray(doc: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(doc, key) && Array.isArray(doc[key]);
}

/**
 * Recognises other formats a person may open by mistake: a Chrome trace (Trace Event Format:
 * `{ "traceEvents": [...] }` or an array of events with `ph` and `ts`), a JSON $batch response
 * (`{ "responses": [...] }`) or request body (`{ "requests": [...] }`), and — as text — a WebDAV
 * 207 Multi-Status XML document. Null for anything else (a scenario among them).
 */
export function recogniseForeignFormat(input: unknown): ForeignFormat | null {
  if (typeof input === 'string') {
    const head = input.slice(0, 1024).replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('<') && /<([A-Za-z][\w.-]*:)?multistatus[\s>]/.test(head) ? 'webdav' : null;
  }
  if (Array.isArray(input)) {
    const first = input[0];
    return isRecord(first) && Object.prototype.hasOwnProperty.call(first, 'ph') && Object.prototype.hasOwnProperty.call(first, 'ts')
      ? 'chrome-trace'
      : null;
  }
  if (!isRecord(input) || Object.prototype.hasOwnProperty.call(input, 'steps')) return null;
  if (ownArray(input, 'traceEvents')) return 'chrome-trace';
  if (ownArray(input, 'responses')) return 'batch-response';
  if (ownArray(input, 'requests')) return 'batch-request';
  return null;
}

/** The one sentence for a foreign format, naming it as the menu does. */
export function foreignFormatMessage(format: ForeignFormat): string {
  if (format === 'batch-request') {
    return 'This is a JSON $batch request body, not a scenario: open it with "Import JSON $batch body…".';
  }
  return `This is a ${FOREIGN_FORMATS[format]} export, not a scenario: Ripple writes these but opens only scenarios, JSON $batch request bodies, its own SVG and PNG images, and share links.`;
}

function foreign(format: ForeignFormat): OpenResult {
  return failWhole('invalid', 'not-a-scenario', foreignFormatMessage(format));
}

/**
 * Opens untrusted scenario input — a JSON string or an already-parsed value — through the
 * whole gate, reading strings as JSON only (`openScenario` also reads YAML). Errors name the
 * path of each problem and what was expected. Never throws.
 *
 * @example
 * openScenarioValue({ version: 9, title: 'x', steps: [] })
 * // → { ok: false, kind: 'newer-version', message: 'This scenario was made by a newer Ripple …', problems: [...] }
 */
export function openScenarioValue(input: unknown, options: OpenOptions = {}): OpenResult {
  try {
    return openJsonOrValue(input, options);
  } catch (error) {
    return failWhole('invalid', 'internal', `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

const NOT_VALID = 'This is not a valid Ripple scenario.';

function openJsonOrValue(input: unknown, options: OpenOptions): OpenResult {
  let value = input;
  if (typeof input === 'string') {
    const read = readJsonText(input, { what: 'scenario text' });
    if (!read.ok) {
      const format = read.error.kind === 'not-json' ? recogniseForeignFormat(input) : null;
      if (format) return foreign(format);
      return failWhole(read.error.kind, read.error.kind, read.error.message);
    }
    value = read.value;
  }
  return openValue(value, options);
}

/** The gate after parsing: shape, size, migrate, validate, repair. `value` is used as it is (a string is not parsed). */
export function openValue(value: unknown, options: OpenOptions): OpenResult {
  // Shape: cheap checks that decide whether the rest is worth doing at all.
  const format = recogniseForeignFormat(value);
  if (format) return foreign(format);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failWhole(
      'invalid',
      'not-a-scenario',
      `This is not a Ripple scenario: expected an object with "version", "title" and "steps", got ${describe(value)}.`,
    );
  }
  const doc = value as Record<string, unknown>;
  const maxSteps = options.maxSteps ?? MAX_STEPS;
  const steps = Object.prototype.hasOwnProperty.call(doc, 'steps') ? doc.steps : undefined;
  if (Array.isArray(steps) && steps.length > maxSteps) {
    return fail('too-large', `The scenario has ${formatCount(steps.length)} steps; Ripple opens at most ${formatCount(maxSteps)}.`, [
      { code: 'too-large', path: 'steps', message: `${formatCount(steps.length)} steps (at most ${formatCount(maxSteps)})` },
    ]);
  }
  const deps = Object.prototype.hasOwnProperty.call(doc, 'dependencies') ? doc.dependencies : undefined;
  if (Array.isArray(deps) && deps.length > MAX_DEPENDENCIES) {
    return fail(
      'too-large',
      `The scenario has ${formatCount(deps.length)} dependencies; Ripple opens at most ${formatCount(MAX_DEPENDENCIES)}.`,
      [{ code: 'too-large', path: 'dependencies', message: `${formatCount(deps.length)} dependencies (at most ${formatCount(MAX_DEPENDENCIES)})` }],
    );
  }

  const migrated = migrate(doc);
  if (!migrated.ok) {
    switch (migrated.reason) {
      case 'TargetVersionTooNew':
        return fail('newer-version', `This scenario was ${migrated.message}.`, [{ code: 'newer-version', path: 'version', message: migrated.message }]);
      case 'TargetVersionTooOld':
        return fail('unknown-version', `This scenario's ${migrated.message}.`, [{ code: 'unknown-version', path: 'version', message: migrated.message }]);
      // The heading names the kind of failure; the problem, at its path, says what is wrong
      // (once: the recovery screen and the CLI show both).
      case 'MissingVersion':
        return fail('invalid', NOT_VALID, [{ code: 'missing-version', path: 'version', message: migrated.message }]);
      case 'InvalidVersion':
        return fail('invalid', NOT_VALID, [{ code: 'unknown-version', path: 'version', message: migrated.message }]);
      case 'MigrationError':
        return fail('invalid', NOT_VALID, [{ code: 'migration-failed', path: 'version', message: migrated.message }]);
    }
  }

  const report = checkScenario(migrated.document);
  if (report.blocking > 0 || !report.scenario) {
    const problems = report.findings.filter((f) => !f.repairable).map(asProblem);
    return fail('invalid', `The scenario has ${problemCount(report.blocking)}.`, problems, report.blocking);
  }
  const warnings = report.findings.map((f) =>
    f.repairable ? { ...asProblem(f), message: `${f.message} — position dropped (it only affects drawing)` } : asProblem(f),
  );
  const overBudget = workBudgetWarning(report.scenario);
  if (overBudget) warnings.push(overBudget);
  return { ok: true, scenario: report.scenario, warnings };
}

/** Warns, before any run, when the scenario's worst case passes the work budget (issue #9 item 3). */
function workBudgetWarning(scenario: Scenario): Problem | null {
  const estimate = estimateRunEvents(scenario);
  if (estimate.events <= estimate.budget || estimate.step < 0) return null;
  const step = scenario.steps[estimate.step];
  const graphAware = (scenario.policy?.retryMode ?? 'graph-aware') === 'graph-aware';
  return {
    code: 'over-work-budget',
    path: `steps[${estimate.step}].retry.maxAttempts`,
    message:
      `A run may make up to ${formatCount(estimate.events)} events, past its budget of ${formatCount(estimate.budget)}: ` +
      `"${step.label ?? step.id}" retries up to ${step.retry?.maxAttempts ?? 1} times` +
      `${graphAware ? ', and graph-aware retry re-runs a failed step for every retry of the steps it blocks' : ''}. ` +
      'If the retries are used, the run stops at the budget; lower maxAttempts to avoid that.',
  };
}
