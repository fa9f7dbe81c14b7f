// Import an AWS Step Functions state machine (Amazon States Language JSON) as a scenario
// (issue #11). Rules from the ASL specification (states-language.net) and the Step Functions
// developer guide ("Error handling", "Retrying after an error"):
//
//   Task, Pass, Succeed     → a step
//   Fail                    → a step that fails (reaching it fails the execution)
//   Wait (Seconds)          → a step lasting that long (SecondsPath/Timestamp: warned, 0 ms)
//   Next / End              → a success dependency to the next state
//   Retry                   → retry: MaxAttempts retries (default 3) after the first attempt,
//                             IntervalSeconds (default 1) → delayMs, BackoffRate (default 2) → factor;
//                             ErrorEquals is not simulated (every failure is retried), warned
//   Catch → Next            → the handler runs when the state failed: `when` (R14)
//   Parallel                → its branches' states are steps between it and its Next
//   a state reached from several states → `when` ORing the ways in (whichever path arrives)
//   Choice                  → approximated: only Default (or the first rule when there is none)
//                             is followed; states reachable only through the others are left
//                             out, each warned. Map → one step (the iterations), warned.
import type { Dependency, Problem, RetrySpec, Scenario, Step } from '../types.ts';
import { SCENARIO_VERSION } from '../types.ts';
import { readJsonText } from '../intake/json-text.ts';
import { MAX_ATTEMPTS, MAX_DURATION_MS, MAX_RETRY_FACTOR } from '../limits.ts';
import { LIMITS } from '../validate.ts';
import { describe, didYouMean, joinPath, quote, Suggester } from '../text.ts';
import { finishImport, problemAt, refuse, refuseCounts, refuseSize, toStepId, truncate, type DialectImport } from './common.ts';

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One transition into a state: every `froms` step must end `on` (a Parallel's branches join). */
interface Way {
  froms: string[];
  on: 'Succeeded' | 'Failed';
  path: string;
}

const STATE_TYPES = ['Task', 'Pass', 'Succeed', 'Fail', 'Wait', 'Parallel', 'Choice', 'Map'];

/**
 * Reads an ASL state machine (text or parsed). Never throws.
 *
 * @example
 * importStepFunctions('{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:…","Next":"B"},"B":{"Type":"Succeed"}}}')
 * // → { ok: true, scenario: { dialect: 'step-functions', steps: [{id:'A'},{id:'B'}], dependencies: [{from:'A',to:'B'}] } }
 */
export function importStepFunctions(input: string | unknown): DialectImport {
  try {
    return importMachine(input);
  } catch (error) {
    return refuse('step-functions', `Internal error while importing the state machine: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function importMachine(input: unknown): DialectImport {
  const F = 'step-functions';
  let value = input;
  if (typeof input === 'string') {
    const tooBig = refuseSize(F, input, 'state machine');
    if (tooBig) return tooBig;
    const read = readJsonText(input, { what: 'state machine' });
    if (!read.ok) return refuse(F, read.error.message, [problemAt(read.error.kind, '', read.error.message)]);
    value = read.value;
  }
  if (!isObj(value) || typeof value.StartAt !== 'string' || !isObj(value.States)) {
    return refuse(F, 'This is not an Amazon States Language state machine: expected { "StartAt": "…", "States": { … } }.');
  }
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const steps: Step[] = [];
  const sourceOf = new Map<string, string>();
  const ways = new Map<string, Way[]>();
  const taken = new Set<string>();
  let count = 0;

  const addWay = (to: string, way: Way): void => {
    const list = ways.get(to) ?? [];
    if (!list.some((w) => w.froms.join() === way.froms.join() && w.on === way.on)) list.push(way);
    ways.set(to, list);
  };
  const newId = (name: string, prefix: string): string => {
    let base = toStepId(prefix ? `${prefix}.${name}` : name) || `state-${taken.size + 1}`;
    if (base === '__proto__') base = 'proto';
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base.slice(0, 60)}-${k}`;
    taken.add(id);
    return id;
  };

  /**
   * Reads one machine (the top level or a Parallel branch). Returns the ids of its start step
   * and of the steps that end it successfully (End: true, Succeed), for the caller to connect.
   */
  const readMachine = (machine: Raw, path: string, prefix: string): { start: string; ends: string[] } | null => {
    const states = machine.States as Raw;
    const names = Object.keys(states);
    count += names.length;
    if (count > 2_000) return null;
    const start = machine.StartAt as string;
    const suggester = new Suggester(names);
    if (!(start in states)) {
      problems.push(problemAt('missing-step', joinPath(path, 'StartAt'), `no state ${quote(start)}${didYouMean(suggester.suggest(start))}`));
      return null;
    }
    const idOf = new Map<string, string>();
    // Reachability through the edges that are simulated (Choice: Default only).
    const order: string[] = [];
    const queue = [start];
    const reached = new Set<string>([start]);
    const follow = (target: unknown, at: string): string | null => {
      if (typeof target !== 'string') {
        problems.push(problemAt('wrong-type', at, `expected a state name, got ${describe(target)}`));
        return null;
      }
      if (!(target in states)) {
        problems.push(problemAt('missing-step', at, `no state ${quote(target)} in ${path || 'the state machine'}${didYouMean(suggester.suggest(target))}`));
        return null;
      }
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
      return target;
    };
    const next = new Map<string, Array<{ to: string; on: 'Succeeded' | 'Failed'; at: string }>>();
    while (queue.length > 0) {
      const name = queue.shift() as string;
      order.push(name);
      const s = states[name];
      const at = joinPath(joinPath(path, 'States'), name);
      const out: Array<{ to: string; on: 'Succeeded' | 'Failed'; at: string }> = [];
      next.set(name, out);
      if (!isObj(s) || typeof s.Type !== 'string' || !STATE_TYPES.includes(s.Type)) {
        problems.push(problemAt('wrong-type', joinPath(at, 'Type'), `expected one of ${STATE_TYPES.join(', ')}, got ${describe(isObj(s) ? s.Type : s)}`));
        continue;
      }
      if (s.Type === 'Choice') {
        const choices = Array.isArray(s.Choices) ? s.Choices : [];
        const target = s.Default ?? (isObj(choices[0]) ? choices[0].Next : undefined);
        const via = s.Default !== undefined ? joinPath(at, 'Default') : `${joinPath(at, 'Choices')}[0].Next`;
        warnings.push(
          problemAt('not-simulated', at, `a Choice is approximated: only ${s.Default !== undefined ? 'its Default' : 'its first rule'} (${describe(target)}) is followed; ${choices.length} rule${choices.length === 1 ? '' : 's'} not evaluated`),
        );
        const t = follow(target, via);
        if (t) out.push({ to: t, on: 'Succeeded', at: via });
        continue;
      }
      if (s.Type !== 'Succeed' && s.Type !== 'Fail') {
        if (typeof s.Next === 'string') {
          const t = follow(s.Next, joinPath(at, 'Next'));
          if (t) out.push({ to: t, on: 'Succeeded', at: joinPath(at, 'Next') });
        } else if (s.End !== true) problems.push(problemAt('missing-field', at, 'a state needs "Next" or "End": true'));
      }
      if (Array.isArray(s.Catch)) {
        s.Catch.forEach((c, j) => {
          const cat = `${joinPath(at, 'Catch')}[${j}]`;
          if (!isObj(c)) return;
          const t = follow(c.Next, joinPath(cat, 'Next'));
          if (t) out.push({ to: t, on: 'Failed', at: joinPath(cat, 'Next') });
          if (Array.isArray(c.ErrorEquals) && !c.ErrorEquals.includes('States.ALL')) {
            warnings.push(problemAt('not-simulated', joinPath(cat, 'ErrorEquals'), `only ${c.ErrorEquals.map(String).join(', ')} are caught in AWS; Ripple catches every failure`));
          }
        });
      }
    }
    for (const name of names) {
      if (!reached.has(name)) warnings.push(problemAt('not-simulated', joinPath(joinPath(path, 'States'), name), 'not reached from StartAt through the simulated transitions; left out'));
    }

    const ends: string[] = [];
    const firstIn = new Map<string, string>(); // state → the id of its entry step (Parallel: the fork)
    const lastOut = new Map<string, string[]>(); // state → the ids its successors depend on
    for (const name of order) {
      const s = states[name] as Raw;
      const at = joinPath(joinPath(path, 'States'), name);
      const id = newId(name, prefix);
      idOf.set(name, id);
      sourceOf.set(id, at);
      const wanted = prefix ? `${prefix}.${name}` : name;
      if (id !== wanted) warnings.push(problemAt('renamed-id', at, `${quote(wanted)} is not a valid step id; the step is called ${quote(id)}`));
      const step: Step = { id };
      if (id !== name) step.label = truncate(name);
      switch (s.Type) {
        case 'Task':
          if (typeof s.Resource === 'string') step.request = truncate(s.Resource, LIMITS.request.max);
          break;
        case 'Fail':
          step.fail = { status: 500, message: truncate(typeof s.Error === 'string' ? s.Error : 'States.Fail', LIMITS.message.max) };
          step.failState = true;
          break;
        case 'Wait':
          if (typeof s.Seconds === 'number' && s.Seconds >= 0) {
            step.durationMs = Math.min(MAX_DURATION_MS, Math.round(s.Seconds * 1000));
            if (s.Seconds * 1000 > MAX_DURATION_MS) warnings.push(problemAt('shortened', joinPath(at, 'Seconds'), `longer than Ripple's longest step (${MAX_DURATION_MS / 60_000} minutes); shortened`));
          } else warnings.push(problemAt('not-simulated', at, 'a Wait until a time or a path is simulated as no wait'));
          break;
        case 'Map':
          warnings.push(problemAt('not-simulated', at, "a Map's iterations are simulated as one step, which fails if any iteration fails"));
          break;
        default:
          break;
      }
      readRetry(s, at, step, warnings);
      if (Array.isArray(s.Catch) && s.Catch.length > 0) {
        step.catch = true;
      }
      steps.push(step);
      firstIn.set(name, id);
      lastOut.set(name, [id]);
      if (s.Type === 'Parallel') {
        const branches = Array.isArray(s.Branches) ? s.Branches : [];
        const branchEnds: string[] = [];
        branches.forEach((b, k) => {
          const bpath = `${joinPath(at, 'Branches')}[${k}]`;
          if (!isObj(b) || typeof b.StartAt !== 'string' || !isObj(b.States)) {
            problems.push(problemAt('wrong-type', bpath, 'expected a branch like { "StartAt": "…", "States": { … } }'));
            return;
          }
          const inner = readMachine(b, bpath, id);
          if (!inner) return;
          addWay(inner.start, { froms: [id], on: 'Succeeded', path: joinPath(bpath, 'StartAt') });
          branchEnds.push(...inner.ends);
        });
        if (branchEnds.length > 0) lastOut.set(name, branchEnds);
        if (Array.isArray(s.Catch) && s.Catch.length > 0) {
          warnings.push(problemAt('not-simulated', joinPath(at, 'Catch'), "a Parallel's Catch is followed when the Parallel state itself fails, not when a branch fails"));
        }
      }
      if (s.Type === 'Succeed' || s.End === true) ends.push(...(lastOut.get(name) ?? [id]));
    }
    for (const [name, outs] of next) {
      for (const o of outs) {
        const target = firstIn.get(o.to);
        if (!target) continue;
        const froms = o.on === 'Succeeded' ? (lastOut.get(name) ?? []) : [firstIn.get(name) as string];
        addWay(target, { froms, on: o.on, path: o.at });
      }
    }
    return { start: firstIn.get(start) as string, ends };
  };

  const top = readMachine(value, '', '');
  if (count > 2_000) {
    const counts = refuseCounts(F, count, 0, { steps: 'states', path: 'States' });
    if (counts) return counts;
  }
  if (!top || problems.length > 0) {
    return refuse(F, problems.length > 0 ? `The state machine has ${problems.length} problem${problems.length === 1 ? '' : 's'}.` : 'The state machine could not be read.', problems);
  }

  const dependencies: Dependency[] = [];
  const depSource: string[] = [];
  for (const step of steps) {
    const ins = ways.get(step.id) ?? [];
    if (ins.length === 0) continue;
    const plain = ins.length === 1 && ins[0].on === 'Succeeded';
    for (const w of ins) {
      for (const from of w.froms) {
        if (!dependencies.some((d) => d.from === from && d.to === step.id)) {
          dependencies.push({ from, to: step.id });
          depSource.push(w.path);
        }
      }
    }
    if (!plain) {
      const terms = ins.map((w) => w.froms.map((f) => `${f}.${w.on}`).join(' && '));
      step.when = terms.map((t) => (ins.length > 1 && t.includes('&&') ? `(${t})` : t)).join(' || ');
    }
  }

  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: truncate(typeof value.Comment === 'string' && value.Comment.trim() !== '' ? value.Comment : `State machine (${steps.length} states)`, LIMITS.title.max),
    description: 'Imported from an Amazon States Language state machine: each state is a step, Next a dependency, Catch a failure path. Mark the states that fail.',
    steps,
    dependencies,
    dialect: 'step-functions',
  };
  const result = finishImport(F, scenario, warnings, (k) => depSource[k] ?? 'States', (id) => sourceOf.get(id) ?? 'States');
  return result;
}

/** The first retrier that covers every error (`States.ALL`), else the first one. */
function readRetry(s: Raw, at: string, step: Step, warnings: Problem[]): void {
  if (!Array.isArray(s.Retry) || s.Retry.length === 0) return;
  const all = s.Retry.findIndex((r) => isObj(r) && Array.isArray(r.ErrorEquals) && r.ErrorEquals.includes('States.ALL'));
  const k = all >= 0 ? all : 0;
  const r = s.Retry[k];
  if (!isObj(r)) return;
  const path = `${joinPath(at, 'Retry')}[${k}]`;
  const retries = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
  const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
  const rate = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
  const spec: RetrySpec = { maxAttempts: Math.min(MAX_ATTEMPTS, Math.max(1, Math.floor(retries) + 1)), delayMs: Math.min(MAX_DURATION_MS, Math.round(interval * 1000)), factor: Math.min(MAX_RETRY_FACTOR, Math.max(1, rate)) };
  if (retries + 1 > MAX_ATTEMPTS || rate > MAX_RETRY_FACTOR) warnings.push(problemAt('shortened', path, `kept within Ripple's limits (${MAX_ATTEMPTS} attempts, factor ${MAX_RETRY_FACTOR})`));
  step.retry = spec;
  const others = s.Retry.length - 1;
  if (all < 0 || others > 0) {
    warnings.push(problemAt('not-simulated', joinPath(at, 'Retry'), `ErrorEquals is not simulated: ${path} applies to every failure${others > 0 ? `; the other ${others} retrier${others === 1 ? ' is' : 's are'} left out` : ''}`));
  }
  if (r.MaxDelaySeconds !== undefined || r.JitterStrategy !== undefined) warnings.push(problemAt('not-simulated', path, 'MaxDelaySeconds and JitterStrategy are not simulated'));
}
