// The one YAML reader for untrusted scenario text (issue #14: scenarios kept as readable text
// beside the prose). YAML is read into the same plain value JSON gives, then goes through the
// same gate (src/scenario/open-scenario.ts): same schema, same messages. What YAML adds is
// where things are: a problem's JSON path is mapped back to the line and column of its node.
//
//   byte-order mark stripped → size checked (UTF-8 bytes, as for JSON) → parse (YAML 1.2 core
//   schema, one document) → syntax errors with line/column → alias checks → plain value
//
// Hostile text: the size cap bounds the parse; `maxAliasCount` bounds what aliases expand to
// (a "billion laughs" bomb); an alias inside its own anchor (a cycle the `yaml` package would
// turn into a circular object) is refused before converting. Never throws.
import { isAlias, isCollection, isNode, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { MAX_JSON_BYTES } from '../limits.ts';
import { formatCount, utf8Length } from '../text.ts';

/** Most aliases a document may expand (the `yaml` package's own default, stated here on purpose). */
export const MAX_YAML_ALIASES = 100;

export type YamlTextError =
  | { kind: 'too-large'; message: string; bytes: number; limit: number }
  | {
      kind: 'not-yaml';
      message: string;
      /** 1-based line and column (UTF-16 units) of the first problem. */
      line: number;
      column: number;
    };

/** Where a node starts: 1-based line and column. */
export interface YamlPosition {
  line: number;
  column: number;
}

export type YamlTextResult =
  | {
      ok: true;
      value: unknown;
      /**
       * The line and column of the node at a JSON path such as `steps[2].fail.status` — or of
       * its nearest ancestor present in the text (a missing field points at its object). Null
       * for the empty path when the document is empty.
       */
      locate: (path: string) => YamlPosition | null;
    }
  | { ok: false; error: YamlTextError };

export interface YamlTextOptions {
  /** Largest text accepted, in UTF-8 bytes. Default MAX_JSON_BYTES (1 MB), as for JSON. */
  maxBytes?: number;
}

/**
 * Whether text is meant as YAML rather than JSON: its first line that is neither blank nor a
 * comment is a document marker (`---`, `%YAML`) or a `key:` line. JSON (`{`, `[`) is not.
 *
 * @example
 * looksLikeYaml('# order flow\nversion: 2\n') // → true
 * looksLikeYaml('{"version": 2}') // → false
 */
export function looksLikeYaml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^(---|%YAML\b)/.test(line) || /^("[^"]*"|'[^']*'|[A-Za-z_][\w-]*)\s*:(\s|$)/.test(line);
  }
  return false;
}

/** Whether a file name says YAML: `flow.yaml`, `flow.YML`. */
export function isYamlFileName(name: string | undefined): boolean {
  return /\.ya?ml$/i.test(name ?? '');
}

/**
 * Reads untrusted YAML text into a plain value (YAML 1.2 core schema: `on: yes` stays the
 * string "yes"), with a way to find each path's line and column.
 *
 * @example
 * readYamlText('version: 2\n\tsteps: []\n')
 * // → { ok: false, error: { kind: 'not-yaml', line: 2, column: 1,
 * //     message: 'This is not valid YAML: line 2, column 1: a tab is used for indentation; YAML indents with spaces only.' } }
 */
export function readYamlText(text: string, options: YamlTextOptions = {}): YamlTextResult {
  const limit = options.maxBytes ?? MAX_JSON_BYTES;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bytes = body.length > limit ? body.length : utf8Length(body);
  if (bytes > limit) {
    const message = `The scenario text is ${formatCount(bytes)} bytes; Ripple opens at most ${formatCount(limit)} (${Math.round(limit / 100_000) / 10} MB).`;
    return { ok: false, error: { kind: 'too-large', message, bytes, limit } };
  }
  try {
    return read(body);
  } catch (error) {
    // The parser should report, not throw; if it does, say so without a stack.
    return notYaml(1, 1, error instanceof Error ? error.message : 'unreadable');
  }
}

function notYaml(line: number, column: number, problem: string): YamlTextResult {
  return { ok: false, error: { kind: 'not-yaml', message: `This is not valid YAML: line ${line}, column ${column}: ${problem}.`, line, column } };
}

/** The `yaml` package's error codes, in a scenario writer's words (the rest keep the parser's). */
const YAML_WORDS: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces only',
  DUPLICATE_KEY: 'this key appears twice in the same mapping',
  MULTIPLE_DOCS: 'the text holds more than one YAML document (a second "---"); a scenario is one document',
  BAD_INDENT: 'the indentation does not line up with the lines above',
};

function read(body: string): YamlTextResult {
  const lines = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', merge: false });
  const at = (offset: number): YamlPosition => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const first = doc.errors[0];
  if (first) {
    const { line, column } = at(first.pos[0]);
    const words = YAML_WORDS[first.code] ?? first.message.split('\n')[0].replace(/\.$/, '');
    return notYaml(line, column, words);
  }
  const cycle = aliasInsideItsAnchor(doc);
  if (cycle) {
    const { line, column } = at(cycle.range?.[0] ?? 0);
    return notYaml(line, column, `the alias *${cycle.source} refers to a node that contains it, which would never end`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAlias(doc);
    const { line, column } = at(alias?.range?.[0] ?? 0);
    return notYaml(line, column, `its aliases expand to more than ${MAX_YAML_ALIASES} copies of their anchors (a "YAML bomb"); write the values out`);
  }
  return { ok: true, value: value ?? null, locate: (path) => locate(doc, path, at) };
}

/** An alias whose anchor's node contains the alias itself (`a: &x { b: *x }`), or null. */
function aliasInsideItsAnchor(doc: Document): (Node & { source: string }) | null {
  let found: (Node & { source: string }) | null = null;
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc);
      const [start] = alias.range ?? [0];
      if (target?.range && target.range[0] <= start && start < target.range[2]) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAlias(doc: Document): Node | null {
  let found: Node | null = null;
  visit(doc, {
    Alias(_key, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/** `steps[2].fail.status` → `['steps', 2, 'fail', 'status']`; `policy["odd key"]` works too. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else parts.push(m[3].replace(/\\(.)/g, '$1'));
  }
  return parts;
}

function locate(doc: Document, path: string, at: (offset: number) => YamlPosition): YamlPosition | null {
  const parts = splitPath(path);
  // The deepest node on the path that exists in the text (aliases followed to their anchors).
  let node: unknown = doc.contents;
  for (const part of parts) {
    if (isAlias(node)) node = node.resolve(doc);
    if (!isCollection(node)) break;
    const child: unknown = node.get(part, true);
    if (child === undefined) break;
    node = child;
  }
  if (!isNode(node) || !node.range) return null;
  return at(node.range[0]);
}
