import type { Problem, Scenario } from '../scenario/types.ts';
import { findPath } from './graph.ts';

// Every edit is checked before it is committed, so the scenario in the store is always one the
// engine accepts. TEMPORARY: a local copy of the format's rules (issue 2 §2, R1) until the
// scenario gate's `validate` lands in src/scenario/validate.ts; then this file only forwards.
export type EditCheck = { ok: true } | { ok: false; problems: Problem[] };

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export function checkScenario(s: Scenario): EditCheck {
  const problems: Problem[] = [];
  const p = (path: string, message: string) => problems.push({ path, message });
  if (typeof s.title !== 'string' || s.title.length < 1 || s.title.length > 120) p('title', 'must be 1–120 characters');
  if (s.description !== undefined && s.description.length > 2000) p('description', 'must be at most 2000 characters');
  const pol = s.policy ?? {};
  if (pol.concurrency !== undefined && (!isInt(pol.concurrency) || pol.concurrency < 0)) p('policy.concurrency', 'must be an integer ≥ 0 (0 = no limit)');
  const ids = new Set<string>();
  s.steps.forEach((st, i) => {
    const at = `steps[${i}]`;
    if (!ID.test(st.id)) p(`${at}.id`, 'must be 1–64 of A–Z, a–z, 0–9, ".", "_" or "-"');
    else if (ids.has(st.id)) p(`${at}.id`, `duplicate step id "${st.id}"`);
    ids.add(st.id);
    if (st.label !== undefined && st.label.length > 120) p(`${at}.label`, 'must be at most 120 characters');
    if (st.request !== undefined && st.request.length > 200) p(`${at}.request`, 'must be at most 200 characters');
    if (st.durationMs !== undefined && (!isInt(st.durationMs) || st.durationMs < 0 || st.durationMs > 3_600_000))
      p(`${at}.durationMs`, 'must be an integer from 0 to 3600000');
    if (st.timeoutMs !== undefined && (!isInt(st.timeoutMs) || st.timeoutMs < 1)) p(`${at}.timeoutMs`, 'must be an integer ≥ 1');
    const f = st.fail;
    if (f) {
      if (f.timeout) {
        if (st.timeoutMs === undefined) p(`${at}.fail.timeout`, 'a step that hangs needs timeoutMs');
      } else if (!isInt(f.status) || f.status < 400 || f.status > 599 || f.status === 424)
        p(`${at}.fail.status`, 'must be an integer 400–599 other than 424');
      if (f.message !== undefined && f.message.length > 200) p(`${at}.fail.message`, 'must be at most 200 characters');
      if (f.times !== undefined && (!isInt(f.times) || f.times < 1)) p(`${at}.fail.times`, 'must be an integer ≥ 1');
    }
    const r = st.retry;
    if (r) {
      if (r.maxAttempts !== undefined && (!isInt(r.maxAttempts) || r.maxAttempts < 1)) p(`${at}.retry.maxAttempts`, 'must be an integer ≥ 1');
      if (r.delayMs !== undefined && (!isInt(r.delayMs) || r.delayMs < 0)) p(`${at}.retry.delayMs`, 'must be an integer ≥ 0');
      if (r.factor !== undefined && (typeof r.factor !== 'number' || !Number.isFinite(r.factor) || r.factor < 1)) p(`${at}.retry.factor`, 'must be a number ≥ 1');
    }
    const c = st.compensation;
    if (c) {
      if (c.label !== undefined && c.label.length > 120) p(`${at}.compensation.label`, 'must be at most 120 characters');
      if (c.durationMs !== undefined && (!isInt(c.durationMs) || c.durationMs < 0 || c.durationMs > 3_600_000))
        p(`${at}.compensation.durationMs`, 'must be an integer from 0 to 3600000');
      if (c.fail && (!isInt(c.fail.status) || c.fail.status < 400 || c.fail.status > 599))
        p(`${at}.compensation.fail.status`, 'must be an integer 400–599');
    }
    for (const key of ['produces', 'consumes'] as const)
      st[key]?.forEach((a, j) => {
        if (a.length < 1 || a.length > 64) p(`${at}.${key}[${j}]`, 'must be 1–64 characters');
      });
  });
  const seen = new Set<string>();
  s.dependencies.forEach((d, i) => {
    const at = `dependencies[${i}]`;
    if (!ids.has(d.from)) p(`${at}.from`, `no step "${d.from}"`);
    if (!ids.has(d.to)) p(`${at}.to`, `no step "${d.to}"`);
    if (d.from === d.to) p(at, 'a step cannot depend on itself');
    const key = `${d.from}\u0000${d.to}`;
    if (seen.has(key)) p(at, `duplicate dependency ${d.from} → ${d.to}`);
    seen.add(key);
  });
  if (problems.length === 0) {
    for (const d of s.dependencies) {
      const back = findPath(s.dependencies, d.to, d.from);
      if (back) {
        p('dependencies', `cycle ${[d.from, ...back].join(' → ')}`);
        break;
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true };
}

/**
 * A scenario read back from localStorage, or null. TEMPORARY: a cheap shape check plus the
 * rules above, until the scenario gate (`openScenario`) lands; then this only forwards to it.
 */
export function restoreScenario(raw: unknown): Scenario | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Scenario;
  if (s.version !== 1 || typeof s.title !== 'string' || !Array.isArray(s.steps) || !Array.isArray(s.dependencies)) return null;
  if (!s.steps.every((st) => st && typeof st === 'object' && typeof st.id === 'string')) return null;
  if (!s.dependencies.every((d) => d && typeof d === 'object' && typeof d.from === 'string' && typeof d.to === 'string')) return null;
  return checkScenario(s).ok ? s : null;
}
