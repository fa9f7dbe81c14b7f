// Versioned migrations of the scenario format, after tldraw's: every format version has a
// number and a name, the list counts up from the oldest readable version without gaps, and
// a document that cannot be migrated gets a typed reason instead of an exception.
//
// To change the format: bump SCENARIO_VERSION in types.ts, append
// `{ version: 2, name: 'AddSomething', up: (doc) => ({ ...doc, version: 2, … }) }` below, and
// add a link format (link-codec.ts) if the compact layout changes. `up` receives a document
// of the previous version (only its `version` is known to be right: validation runs after
// migration) and must return a new object without mutating its input.
import { SCENARIO_VERSION } from './types.ts';
import { newerVersionMessage, versionTwoFields, versionTwoMessage } from './validate.ts';
import { describe } from './text.ts';

export interface Migration {
  /** The format version this migration produces. */
  readonly version: number;
  /** What changed, in PascalCase: `Initial`, `AddSeed`. */
  readonly name: string;
  /** From `version - 1` to `version`. The oldest readable version has none. */
  readonly up?: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export interface MigrationSequence {
  /** Oldest version first; `migrations[i].version === migrations[0].version + i`. */
  readonly migrations: readonly Migration[];
}

export type MigrationFailureReason =
  /** The document has no `version`. */
  | 'MissingVersion'
  /** `version` is not a positive integer. */
  | 'InvalidVersion'
  /** The document was made by a newer Ripple than this one. */
  | 'TargetVersionTooNew'
  /** The document is older than the oldest version this Ripple can read. */
  | 'TargetVersionTooOld'
  /** A migration step threw (a bug in the migration, or input it did not expect), or refused the document (`MigrationRefused`). */
  | 'MigrationError';

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; from: number; to: number; applied: string[] }
  | { ok: false; reason: MigrationFailureReason; message: string; version?: number };

/**
 * Thrown by a migration's `up` for a document it must not migrate (not a bug): `migrate`
 * reports its message as it is, as a `MigrationError`.
 */
export class MigrationRefused extends Error {}

/** Every format version this Ripple knows. The first entry is the oldest it can read. */
export const scenarioMigrations: MigrationSequence = {
  migrations: [
    { version: 1, name: 'Initial' },
    // Version 2 adds run conditions (R14 `when`), success statuses (R16), saga options (R17),
    // atomic groups (R18), `lesson` and `dialect`. A version-1 document means the same in
    // version 2. R15 (finally steps survive abort) is a correction of R8 that applies to
    // version-1 documents as well: a step whose incoming dependencies are all `on: "always"`
    // is no longer cancelled by abort.
    // A version-1 document that already uses a version-2 field is refused: its author expected
    // a Ripple that would ignore the field, so its meaning is not certain.
    {
      version: 2,
      name: 'AddRunConditions',
      up: (doc) => {
        const fields = versionTwoFields(doc);
        if (fields.length > 0) throw new MigrationRefused(versionTwoMessage(fields.map((f) => f.path)));
        return { ...doc, version: 2 };
      },
    },
  ],
};

/** Problems with a sequence (empty when sound): versions must count up by one, names be unique. */
export function checkMigrationSequence(sequence: MigrationSequence): string[] {
  const problems: string[] = [];
  const list = sequence.migrations;
  if (list.length === 0) return ['a sequence needs at least its initial version'];
  const names = new Set<string>();
  list.forEach((m, i) => {
    if (!Number.isSafeInteger(m.version) || m.version < 0) problems.push(`migrations[${i}]: version ${m.version} is not an integer ≥ 0`);
    if (i > 0 && m.version !== list[i - 1].version + 1) {
      problems.push(`migrations[${i}]: version ${m.version} follows ${list[i - 1].version} (versions must count up by one, without gaps)`);
    }
    if (!/^[A-Z][A-Za-z0-9]*$/.test(m.name)) problems.push(`migrations[${i}]: name "${m.name}" is not PascalCase`);
    if (names.has(m.name)) problems.push(`migrations[${i}]: name "${m.name}" is used twice`);
    names.add(m.name);
    if (i > 0 && typeof m.up !== 'function') problems.push(`migrations[${i}] (${m.name}): needs an up() migration`);
  });
  return problems;
}

// A broken sequence is a programming error in this file, caught by the first test that loads it.
{
  const problems = checkMigrationSequence(scenarioMigrations);
  if (problems.length > 0) throw new Error(`scenario migrations: ${problems.join('; ')}`);
  if (scenarioMigrations.migrations[scenarioMigrations.migrations.length - 1].version !== SCENARIO_VERSION) {
    throw new Error('scenario migrations: the last migration must produce SCENARIO_VERSION');
  }
}

/**
 * Brings a document up to the newest version of `sequence` (by default, this Ripple's).
 * Never throws: a document it cannot migrate gets a typed reason and a plain message.
 *
 * @example
 * migrate({ version: 2, title: 'From the future' })
 * // → { ok: false, reason: 'TargetVersionTooNew', version: 2, message: 'made by a newer Ripple (format version 2); …' }
 */
export function migrate(doc: Record<string, unknown>, sequence: MigrationSequence = scenarioMigrations): MigrationResult {
  const list = sequence.migrations;
  const oldest = list[0].version;
  const newest = list[list.length - 1].version;
  if (!Object.prototype.hasOwnProperty.call(doc, 'version') || doc.version === undefined) {
    return { ok: false, reason: 'MissingVersion', message: `missing "version" (expected ${newest})` };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { ok: false, reason: 'InvalidVersion', message: `"version" must be a whole number like ${newest}, got ${describe(version)}` };
  }
  if (version > newest) return { ok: false, reason: 'TargetVersionTooNew', version, message: newerVersionMessage(version) };
  if (version < oldest) {
    return {
      ok: false,
      reason: 'TargetVersionTooOld',
      version,
      message: `format version ${version} is older than any this Ripple can read (oldest: ${oldest})`,
    };
  }
  let current = doc;
  const applied: string[] = [];
  for (const m of list) {
    if (m.version <= version) continue;
    try {
      current = (m.up as NonNullable<Migration['up']>)(current);
    } catch (error) {
      if (error instanceof MigrationRefused) return { ok: false, reason: 'MigrationError', version, message: error.message };
      return {
        ok: false,
        reason: 'MigrationError',
        version,
        message: `could not migrate from format version ${m.version - 1} to ${m.version} (${m.name}): ${error instanceof Error ? error.message : 'unknown error'}`,
      };
    }
    if (current?.version !== m.version) {
      return {
        ok: false,
        reason: 'MigrationError',
        version,
        message: `migration ${m.name} did not produce format version ${m.version}`,
      };
    }
    applied.push(m.name);
  }
  return { ok: true, document: current, from: version, to: newest, applied };
}
