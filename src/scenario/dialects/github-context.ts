// The GitHub contexts a scenario's `if`s read (issue #11), without GitHub's expression package:
// the gate checks `context` and the app's form lists the keys, while compiling the `if`s waits for
// scenario-conditions.ts, loaded lazily. Neither is needed for the first canvas (issue #15).
//
// Context names and what `jobs.<job_id>.if` may read: docs.github.com, "Contexts reference" ›
// "Context availability". `needs` is not listed here: the run itself supplies it.
import type { Edit } from '../edits.ts';
import type { Problem, Scenario } from '../types.ts';
import { quote } from '../text.ts';

export { hasIfConditions } from '../has-if.ts';

/**
 * The documented default of each context value the simulation cannot know, used unless the
 * scenario's `context` (or `--context K=V`) says otherwise: a push to the default branch `main`.
 */
export const GITHUB_CONTEXT_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  'github.event_name': 'push',
  'github.ref': 'refs/heads/main',
  'github.ref_name': 'main',
  'github.ref_type': 'branch',
  'github.base_ref': '',
  'github.head_ref': '',
  'github.repository': 'octo-org/octo-repo',
  'github.repository_owner': 'octo-org',
  'github.actor': 'octocat',
});

/** The contexts a scenario's `context` may set (a job's `if` may read these and `needs`). */
export const GITHUB_CONTEXT_NAMES: readonly string[] = ['github', 'inputs', 'vars', 'env', 'secrets', 'matrix', 'strategy', 'job', 'runner', 'steps'];

export const CONTEXT_LIMITS = Object.freeze({
  /** Characters of one `if` (GitHub documents no limit; this bounds the work a link can ask for). */
  if: { min: 1, max: 1000 },
  entries: { max: 100 },
  key: { max: 100 },
  value: { max: 500 },
});

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Names a dictionary built from user text may not hold (@actions/expressions keeps keys in a plain object). */
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is wrong with a `context` key, or null: a context name and at least one property,
 * dotted (`github.ref`, `inputs.dry_run`, `github.event.pull_request.draft`).
 */
export function contextKeyProblem(key: string): string | null {
  if (key.length === 0) return 'an empty name: write a context value like github.ref';
  if (key.length > CONTEXT_LIMITS.key.max) return `a name of ${key.length} characters; at most ${CONTEXT_LIMITS.key.max}`;
  const parts = key.split('.');
  if (parts[0] === 'needs') return `${quote(key)} comes from the run (the needs' results), not from the context`;
  if (!GITHUB_CONTEXT_NAMES.includes(parts[0])) return `${quote(key)} does not start with a context an if may read (${GITHUB_CONTEXT_NAMES.join(', ')})`;
  if (parts.length < 2) return `${quote(key)} names a whole context; name one of its values, like ${parts[0]}.${parts[0] === 'github' ? 'ref' : 'name'}`;
  for (const part of parts.slice(1)) {
    if (!SEGMENT.test(part)) return `${quote(key)} has ${quote(part)}, not a property name (letters, digits, "_" and "-", not starting with a digit)`;
    if (RESERVED_SEGMENTS.has(part)) return `${quote(key)} uses the reserved name ${quote(part)}`;
  }
  return null;
}

/** What is wrong with a `context` value, or null. */
export function contextValueProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `expected a string (write true as "true"), got ${typeof value === 'object' ? (value === null ? 'null' : 'an object') : typeof value}`;
  if (value.length > CONTEXT_LIMITS.value.max) return `a value of ${value.length} characters; at most ${CONTEXT_LIMITS.value.max}`;
  return null;
}

/** The context values a scenario's `if`s are evaluated with: the defaults, then its own `context`. */
export function githubContextValues(context: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const values = new Map<string, string>(Object.entries(GITHUB_CONTEXT_DEFAULTS));
  if (context) for (const key of Object.keys(context)) values.set(key, context[key]);
  return values;
}

/** A quoted string of an expression: '…' with '' for a quote inside. */
const STRING_LITERAL = /'(?:[^']|'')*'/g;
const CONTEXT_READ = /(?<![\w.])([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g;

/**
 * The context values the scenario's `if`s read (dotted names outside string literals, `needs`
 * left out), plus every key its `context` sets, sorted. A name read through an index
 * (`github['ref']`) is not found; the form still offers the defaults.
 *
 * @example
 * contextKeysRead({ …, steps: [{ id: 'deploy', if: "github.ref == 'refs/heads/main'" }] }) // → ['github.ref']
 */
export function contextKeysRead(scenario: Pick<Scenario, 'steps' | 'context'>): string[] {
  const keys = new Set<string>();
  for (const step of scenario.steps) {
    if (step.if === undefined) continue;
    for (const match of step.if.replace(STRING_LITERAL, "''").matchAll(CONTEXT_READ)) {
      const name = match[1];
      const root = name.split('.')[0].toLowerCase();
      if (GITHUB_CONTEXT_NAMES.includes(root)) keys.add(name);
    }
  }
  if (scenario.context) for (const key of Object.keys(scenario.context)) keys.add(key);
  return [...keys].sort();
}

/**
 * Sets one context value (`undefined` removes it; a value equal to its default is removed too,
 * since it means the same). Refuses a bad name or value with the problem at `context["key"]`.
 *
 * @example
 * setGithubContext(scenario, 'github.ref', 'refs/heads/feature') // → scenario with context { 'github.ref': 'refs/heads/feature' }
 */
export function setGithubContext(scenario: Scenario, key: string, value: string | undefined): Edit {
  const path = `context[${JSON.stringify(key)}]`;
  const keyProblem = contextKeyProblem(key);
  if (keyProblem) return [problem('invalid-id', path, keyProblem)];
  if (value !== undefined) {
    const valueProblem = contextValueProblem(value);
    if (valueProblem) return [problem('too-long', path, valueProblem)];
  }
  if (scenario.dialect !== 'github-actions') return [problem('conflicting-fields', 'context', 'GitHub contexts need "dialect": "github-actions"')];
  const next: Record<string, string> = Object.create(null) as Record<string, string>;
  if (scenario.context) for (const k of Object.keys(scenario.context)) if (k !== key) next[k] = scenario.context[k];
  const removes = value === undefined || GITHUB_CONTEXT_DEFAULTS[key] === value;
  if (!removes) {
    if (Object.keys(next).length >= CONTEXT_LIMITS.entries.max) return [problem('out-of-range', 'context', `at most ${CONTEXT_LIMITS.entries.max} context values`)];
    next[key] = value;
  }
  const { context: _old, ...rest } = scenario;
  const unchanged = removes ? scenario.context?.[key] === undefined || !Object.hasOwn(scenario.context, key) : scenario.context?.[key] === value && Object.hasOwn(scenario.context, key);
  if (unchanged) return scenario;
  return Object.keys(next).length === 0 ? (rest as Scenario) : { ...rest, context: { ...next } };
}

function problem(code: Problem['code'], path: string, message: string): Problem {
  return { code, path, message };
}
