import type { ProblemBody, RunResult, StepResult } from '../engine/types.ts';
import { idRecord, setOwn } from '../engine/records.ts';

// How a run crosses from the simulate worker to the page (issue #9 item 3, issue #15).
//
// postMessage copies what it sends, and the page pays for the copy on its main thread. Most of
// a large result is its dependency paths: in a 2,000-step chain each blocked step carries the
// path from the root cause to itself, 2 million step ids in all, which take seconds to copy
// one string at a time. Every path is a prefix of a longer one along the graph, so the worker
// sends them as a trie (a parent and a step-id index per node, in two transferable arrays) and
// the page rebuilds each path once, sharing it as the engine does between `steps[id]` and the
// step's 424 body. `steps` goes as entries: the copy of a null-prototype record would gain
// Object.prototype, and a step named `constructor` would read an inherited function.

/** What the worker sends back: the result without its paths and its `steps` record, and those apart. */
export interface PackedRun {
  /** `result` without `steps` (an empty record) and with every `dependencyPath` / `dependency_path` removed. */
  result: RunResult;
  steps: [id: string, step: StepResult][];
  /** Step ids the trie's nodes name, by index. */
  names: string[];
  /** Per trie node: its parent node, or -1 at a root. */
  parent: Int32Array;
  /** Per trie node: index in `names` of the step id it adds to its parent's path. */
  name: Int32Array;
  /** Per entry of `steps`: the trie node of its `dependencyPath`, or -1 when it has none. */
  stepPath: Int32Array;
  /** Per `result.response.results` entry: the trie node of its body's `dependency_path`, or -1. */
  responsePath: Int32Array;
}

/** The typed arrays of a packed run, for postMessage's transfer list (moved, not copied). */
export function transferables(packed: PackedRun): ArrayBuffer[] {
  return [packed.parent.buffer, packed.name.buffer, packed.stepPath.buffer, packed.responsePath.buffer] as ArrayBuffer[];
}

function pathOf(body: unknown): string[] | undefined {
  const path = (body as ProblemBody | undefined)?.dependency_path;
  return Array.isArray(path) ? path : undefined;
}

/**
 * Takes a run apart for postMessage (in the worker). `run` is not changed.
 *
 * @example
 * const packed = packRun(simulate(scenario));
 * postMessage(packed, transferables(packed));
 */
export function packRun(run: RunResult): PackedRun {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const parent: number[] = [];
  const name: number[] = [];
  // Child node of each node by step id; the roots under the key -1.
  const children = new Map<number, Map<string, number>>();
  const known = new Map<readonly string[], number>();

  const nodeOf = (path: readonly string[] | undefined): number => {
    if (path === undefined) return -1;
    const seen = known.get(path);
    if (seen !== undefined) return seen;
    let node = -1;
    for (const id of path) {
      let kids = children.get(node);
      if (kids === undefined) children.set(node, (kids = new Map()));
      let next = kids.get(id);
      if (next === undefined) {
        let n = nameIndex.get(id);
        if (n === undefined) {
          n = names.length;
          names.push(id);
          nameIndex.set(id, n);
        }
        next = parent.length;
        parent.push(node);
        name.push(n);
        kids.set(id, next);
      }
      node = next;
    }
    known.set(path, node);
    return node;
  };

  const steps: [string, StepResult][] = [];
  const stepPath: number[] = [];
  for (const id of Object.keys(run.steps)) {
    const { dependencyPath, ...rest } = run.steps[id];
    steps.push([id, rest]);
    stepPath.push(dependencyPath === undefined ? -1 : nodeOf(dependencyPath));
  }
  const responsePath: number[] = [];
  const results = run.response.results.map((entry) => {
    const path = pathOf(entry.body);
    responsePath.push(path === undefined ? -1 : nodeOf(path));
    if (path === undefined) return entry;
    const body = { ...(entry.body as ProblemBody) };
    delete body.dependency_path;
    return { ...entry, body };
  });
  return {
    result: { ...run, steps: idRecord(), response: { ...run.response, results } },
    steps,
    names,
    parent: Int32Array.from(parent),
    name: Int32Array.from(name),
    stepPath: Int32Array.from(stepPath),
    responsePath: Int32Array.from(responsePath),
  };
}

/**
 * Puts a packed run back together (on the page): the same JSON as the run the worker made,
 * `steps` a null-prototype record again. Each path is built when it is first read (the Why
 * panel reads one step's; an export reads them all), as one array the step and its 424 body
 * share; until then it is a getter in the field's place, so key order and JSON are unchanged.
 */
export function unpackRun(packed: PackedRun): RunResult {
  const { names, parent, name } = packed;
  const built = new Map<number, string[]>();
  const pathAt = (node: number): string[] => {
    let path = built.get(node);
    if (path === undefined) {
      const reversed: string[] = [];
      for (let at = node; at >= 0; at = parent[at]) reversed.push(names[name[at]]);
      path = reversed.reverse();
      built.set(node, path);
    }
    return path;
  };

  const steps = idRecord<StepResult>();
  packed.steps.forEach(([id, step], k) => {
    const node = packed.stepPath[k];
    setOwn(steps, id, node < 0 ? step : withPathAfter(step, 'rootCauseStep', 'dependencyPath', () => pathAt(node)));
  });
  const results = packed.result.response.results.map((entry, k) => {
    const node = packed.responsePath[k];
    if (node < 0) return entry;
    return { ...entry, body: withPathAfter(entry.body as ProblemBody, 'root_cause_step', 'dependency_path', () => pathAt(node)) };
  });
  return { ...packed.result, steps, response: { ...packed.result.response, results } };
}

/**
 * A copy of `object` with `key` right after `after` (at the end when `after` is absent): a
 * getter that builds the path on first read and then becomes a plain field in the same place.
 */
function withPathAfter<T extends object>(object: T, after: string, key: string, path: () => string[]): T {
  const out: Record<string, unknown> = {};
  const place = () =>
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = path();
        Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  let placed = false;
  for (const [k, v] of Object.entries(object)) {
    out[k] = v;
    if (k === after) {
      place();
      placed = true;
    }
  }
  if (!placed) place();
  return out as T;
}
