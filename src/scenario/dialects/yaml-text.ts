// The one YAML reader for imported files (GitHub workflows, Argo workflows). YAML's anchors and
// aliases let a few hundred bytes expand to gigabytes (a "billion laughs" bomb), so the
// expansion is budgeted: `yaml`'s maxAliasCount stops a document whose aliases would expand
// past it, and the error says so instead of hanging. Never throws.
import { parseDocument } from 'yaml';
import type { Problem } from '../types.ts';

/** Alias budget handed to `yaml` (its unit: resolved alias nodes, weighted by their size). */
export const MAX_YAML_ALIAS_COUNT = 100;

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string; problems: Problem[] };

/**
 * Parses one YAML document. Errors carry the line and column (`line 3, column 5: …`); a
 * document whose aliases expand past MAX_YAML_ALIAS_COUNT is refused as a possible YAML bomb.
 *
 * @example
 * readYaml('a: [1, 2]') // → { ok: true, value: { a: [1, 2] } }
 */
export function readYaml(text: string, what: string): YamlResult {
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, merge: true });
    if (doc.errors.length > 0) {
      const problems = doc.errors.slice(0, 20).map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}` : '';
        const first = e.message.split('\n')[0];
        return { code: 'not-json' as const, path: where, message: `not valid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}` };
      });
      return { ok: false, message: `This ${what} is not valid YAML: ${problems[0].path ? `${problems[0].path}: ` : ''}${problems[0].message.replace(/^not valid YAML: /, '')}`, problems };
    }
    const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) as unknown;
    return { ok: true, value };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(text)) {
      const message = `This ${what} uses YAML aliases that expand past ${MAX_YAML_ALIAS_COUNT} nodes (a "billion laughs" YAML bomb?); Ripple does not expand it.`;
      return { ok: false, message, problems: [{ code: 'too-large', path: '', message }] };
    }
    const message = `This ${what} could not be read as YAML: ${text}`;
    return { ok: false, message, problems: [{ code: 'not-json', path: '', message }] };
  }
}
