// The gate: the one way untrusted scenario input (a file, a paste, a decoded link) becomes a
// `Scenario`. In the order of Excalidraw's restore.ts:
//
//   size checks → parse JSON or YAML (strings, through intake/json-text.ts or intake/yaml.ts)
//   → shape check → migrate → validate → repair
//
// Every stage answers with a typed result; nothing here throws. Repairs are reported as
// warnings, never made silently, and only where the fix cannot change what the simulation
// does (today: a broken `position`, which only affects drawing, is dropped). The JSON and
// value half is open-value.ts, which the editor's first load uses without the `yaml` package.
import type { Problem } from './types.ts';
import { isYamlFileName, looksLikeYaml, readYamlText, type YamlPosition } from './intake/yaml.ts';
import { INTERNAL_ERROR_PREFIX } from './validate.ts';
import { failWhole, openScenarioValue, openValue, type OpenOptions, type OpenResult } from './open-value.ts';

export { problemCount, recogniseForeignFormat, foreignFormatMessage, openScenarioValue } from './open-value.ts';
export type { OpenErrorKind, OpenResult, OpenOptions, ForeignFormat } from './open-value.ts';

/**
 * Opens untrusted scenario input — a JSON or YAML string or an already-parsed value — through
 * the whole gate. Errors name the path of each problem and what was expected. Never throws.
 *
 * @example
 * openScenario('{"version":9,"title":"x","steps":[]}')
 * // → { ok: false, kind: 'newer-version', message: 'This scenario was made by a newer Ripple …', problems: [...] }
 */
export function openScenario(input: unknown, options: OpenOptions = {}): OpenResult {
  if (typeof input !== 'string' || !isYamlInput(input, options)) return openScenarioValue(input, options);
  try {
    const read = readYamlText(input);
    if (!read.ok) return failWhole(read.error.kind, read.error.kind, read.error.message);
    return withLines(openValue(read.value, options), read.locate);
  } catch (error) {
    return failWhole('invalid', 'internal', `${INTERNAL_ERROR_PREFIX}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

/** Whether a string given to `openScenario` is read as YAML. */
export function isYamlInput(text: string, options: Pick<OpenOptions, 'format' | 'name'> = {}): boolean {
  if (options.format !== undefined) return options.format === 'yaml';
  return isYamlFileName(options.name) || looksLikeYaml(text);
}

/**
 * The YAML text's line and column for each problem, before its message: `steps[1].id: line 4,
 * column 9: …`. Problems at the root (the document as a whole) are left as they are.
 */
function withLines(result: OpenResult, locate: (path: string) => YamlPosition | null): OpenResult {
  const place = (p: Problem): Problem => {
    if (p.path === '' || p.path.startsWith('--')) return p;
    const at = locate(p.path);
    return at ? { ...p, message: `line ${at.line}, column ${at.column}: ${p.message}` } : p;
  };
  if (result.ok) return { ...result, warnings: result.warnings.map(place) };
  return { ...result, problems: result.problems.map(place) };
}
