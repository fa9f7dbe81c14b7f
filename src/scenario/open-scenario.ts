// The gate: the one way untrusted scenario input (a file, a paste, a decoded link) becomes a
// `Scenario`. In the order of Excalidraw's restore.ts:
//
//   size checks → parse JSON (strings, through intake/json-text.ts) → shape check → migrate → validate → repair
//
// Every stage answers with a typed result; nothing here throws. Repairs are reported as
// warnings, never made silently, and only where the fix cannot change what the simulation
// does (today: a broken `position`, which only affects drawing, is dropped).
import type { Problem, Scenario } from './types.ts';
import { readJsonText } from './intake/json-text.ts';
import { MAX_DEPENDENCIES, MAX_STEPS } from './limits.ts';
import { migrate } from './migrations.ts';
import { INTERNAL_ERROR_PREFIX, checkScenario } from './validate.ts';
import { describe, formatCount } from './text.ts';

export type OpenErrorKind =
  /** More than MAX_JSON_BYTES of text, MAX_STEPS steps or MAX_DEPENDENCIES dependencies. */
  | 'too-large'
  /** A string that is not JSON. */
  | 'not-json'
  /** Made by a newer Ripple (its format version is higher than ours). */
  | 'newer-version'
  /** A format version no Ripple ever wrote, or older than the oldest we read. */
  | 'unknown-version'
  /** Not a scenario, or one that breaks the format's rules: see `problems`. */
  | 'invalid';

/** Like `ValidationResult`, with the kind of failure and a one-line message for a heading. */
export type OpenResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; kind: OpenErrorKind; message: string; problems: Problem[] };

export interface OpenOptions {
  /** Override MAX_STEPS (e.g. the CLI on a trusted benchmark file). */
  maxSteps?: number;
}

function fail(kind: OpenErrorKind, message: string, problems: Problem[] = [{ path: '', message }]): OpenResult {
  return { ok: false, kind, message, problems };
}

/**
 * Opens untrusted scenario input — a JSON string or an already-parsed value — through the
 * whole gate. Errors name the path of each problem and what was expected. Never throws.
 *
 * @example
 * openScenario('{"version":2,"title":"x","steps":[]}')
 * // → { ok: false, kind: 'newer-version', message: 'This scenario was made by a newer Ripple …', problems: [...] }
 */
export function openScenario(input: unknown, options: OpenOptions = {}): OpenResult {
  try {
    return open(input, options);
  } catch (error) {
    return fail('invalid', `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

function open(input: unknown, options: OpenOptions): OpenResult {
  let value = input;
  if (typeof input === 'string') {
    const read = readJsonText(input, { what: 'scenario text' });
    if (!read.ok) return fail(read.error.kind, read.error.message);
    value = read.value;
  }

  // Shape: cheap checks that decide whether the rest is worth doing at all.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('invalid', `This is not a Ripple scenario: expected an object with "version", "title" and "steps", got ${describe(value)}.`);
  }
  const doc = value as Record<string, unknown>;
  const maxSteps = options.maxSteps ?? MAX_STEPS;
  const steps = Object.prototype.hasOwnProperty.call(doc, 'steps') ? doc.steps : undefined;
  if (Array.isArray(steps) && steps.length > maxSteps) {
    return fail('too-large', `The scenario has ${formatCount(steps.length)} steps; Ripple opens at most ${formatCount(maxSteps)}.`, [
      { path: 'steps', message: `${formatCount(steps.length)} steps (at most ${formatCount(maxSteps)})` },
    ]);
  }
  const deps = Object.prototype.hasOwnProperty.call(doc, 'dependencies') ? doc.dependencies : undefined;
  if (Array.isArray(deps) && deps.length > MAX_DEPENDENCIES) {
    return fail(
      'too-large',
      `The scenario has ${formatCount(deps.length)} dependencies; Ripple opens at most ${formatCount(MAX_DEPENDENCIES)}.`,
      [{ path: 'dependencies', message: `${formatCount(deps.length)} dependencies (at most ${formatCount(MAX_DEPENDENCIES)})` }],
    );
  }

  const migrated = migrate(doc);
  if (!migrated.ok) {
    switch (migrated.reason) {
      case 'TargetVersionTooNew':
        return fail('newer-version', `This scenario was ${migrated.message}.`, [{ path: 'version', message: migrated.message }]);
      case 'TargetVersionTooOld':
        return fail('unknown-version', `This scenario's ${migrated.message}.`, [{ path: 'version', message: migrated.message }]);
      case 'MissingVersion':
      case 'InvalidVersion':
      case 'MigrationError':
        return fail('invalid', `This is not a valid Ripple scenario: ${migrated.message}.`, [
          { path: 'version', message: migrated.message },
        ]);
    }
  }

  const report = checkScenario(migrated.document);
  if (report.blocking > 0 || !report.scenario) {
    const problems = report.findings.filter((f) => !f.repairable).map(({ path, message }) => ({ path, message }));
    const n = report.blocking;
    return fail('invalid', `The scenario has ${formatCount(n)} problem${n === 1 ? '' : 's'}.`, problems);
  }
  const warnings = report.findings.map(({ path, message, repairable }) =>
    repairable ? { path, message: `${message} — position dropped (it only affects drawing)` } : { path, message },
  );
  return { ok: true, scenario: report.scenario, warnings };
}
