import type { ProblemBody, RunEvent, RunResult, StepResult } from '../engine/types.ts';
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
// The events (25,000 at a work budget) go as columns (PackedEvents): reading back 25,000 small
// copied objects holds the page's main thread for hundreds of ms, while the columns arrive as
// moved buffers and a few thousand strings, and the page builds the objects in a tight loop.

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
  /** `result.events` (there an empty list), as columns. */
  events: PackedEvents;
}

/**
 * A run's events as columns. Every event is flat (numbers, strings, booleans, null); its
 * *shape* is its keys in order, each with the kind of its value, so key order and every value
 * come back as they were (an `undefined` field too).
 */
export interface PackedEvents {
  /** Per shape: its keys, in the event's order. */
  shapeKeys: string[][];
  /** Per shape: per key, the kind of its value: n number, s string, t true, f false, z null, u undefined. */
  shapeKinds: string[];
  /** Per event: its shape. */
  shape: Int32Array;
  /** The numbers of every event, in order: a number as is, a string as its index in `strings`; true, false, null, undefined take none. */
  values: Float64Array;
  strings: string[];
}

/** The kind of an event's value, one letter each in PackedEvents.shapeKinds. */
type ValueKind = 'n' | 's' | 't' | 'f' | 'z' | 'u';

/** The kind of a flat value, or null for anything an event does not hold. */
function kindOf(value: unknown): ValueKind | null {
  switch (typeof value) {
    case 'number':
      return 'n';
    case 'string':
      return 's';
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object':
      return value === null ? 'z' : null;
    case 'bigint':
    case 'symbol':
    case 'function':
      return null;
  }
}

/** The events as columns (in the worker). Throws a TypeError for a field that is not flat (a bug in the engine's event type). */
export function packEvents(events: readonly RunEvent[]): PackedEvents {
  const shapeKeys: string[][] = [];
  const shapeKinds: string[] = [];
  const shapeIndex = new Map<string, number>();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shape = new Int32Array(events.length);
  const values: number[] = [];
  events.forEach((event, e) => {
    const keys = Object.keys(event);
    let kinds = '';
    for (const key of keys) {
      const value = (event as unknown as Record<string, unknown>)[key];
      const kind = kindOf(value);
      if (kind === null) throw new TypeError(`packEvents: event ${e} has a field "${key}" that is not a number, string, boolean or null`);
      kinds += kind;
      if (kind === 'n') values.push(value as number);
      else if (kind === 's') {
        let at = stringIndex.get(value as string);
        if (at === undefined) {
          at = strings.length;
          strings.push(value as string);
          stringIndex.set(value as string, at);
        }
        values.push(at);
      }
    }
    const signature = `${keys.join('\u0000')}\u0001${kinds}`;
    let id = shapeIndex.get(signature);
    if (id === undefined) {
      id = shapeKeys.length;
      shapeKeys.push(keys);
      shapeKinds.push(kinds);
      shapeIndex.set(signature, id);
    }
    shape[e] = id;
  });
  return { shapeKeys, shapeKinds, shape, values: Float64Array.from(values), strings };
}

/** The events back from their columns (on the page): equal, key for key and in order, to those packed. */
export function unpackEvents(packed: PackedEvents): RunEvent[] {
  const events: RunEvent[] = new Array<RunEvent>(packed.shape.length);
  unpackEventsInto(events, packed, 0, packed.shape.length, 0);
  return events;
}

/**
 * Unpacks events `from` to `to` (exclusive) into `events`; `at` is the index in `values` of
 * event `from`'s first value. Returns the index after event `to - 1`'s last value.
 */
function unpackEventsInto(events: RunEvent[], packed: PackedEvents, from: number, to: number, at: number): number {
  const { shapeKeys, shapeKinds, shape, values, strings } = packed;
  for (let e = from; e < to; e++) {
    const keys = shapeKeys[shape[e]];
    const kinds = shapeKinds[shape[e]];
    const event: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      switch (kinds[k] as ValueKind) {
        case 'n':
          event[key] = values[at++];
          break;
        case 's':
          event[key] = strings[values[at++]];
          break;
        case 't':
          event[key] = true;
          break;
        case 'f':
          event[key] = false;
          break;
        case 'z':
          event[key] = null;
          break;
        case 'u':
          event[key] = undefined;
          break;
      }
    }
    events[e] = event as unknown as RunEvent;
  }
  return at;
}

/** The typed arrays of a packed run, for postMessage's transfer list (moved, not copied). */
export function transferables(packed: PackedRun): ArrayBuffer[] {
  return [packed.parent.buffer, packed.name.buffer, packed.stepPath.buffer, packed.responsePath.buffer, packed.events.shape.buffer, packed.events.values.buffer] as ArrayBuffer[];
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
    result: { ...run, steps: idRecord(), events: [], response: { ...run.response, results } },
    steps,
    names,
    parent: Int32Array.from(parent),
    name: Int32Array.from(name),
    stepPath: Int32Array.from(stepPath),
    responsePath: Int32Array.from(responsePath),
    events: packEvents(run.events),
  };
}

/**
 * Puts a packed run back together (on the page): the same JSON as the run the worker made,
 * `steps` a null-prototype record again. Each path is built when it is first read (the Why
 * panel reads one step's; an export reads them all), as one array the step and its 424 body
 * share; until then it is a getter in the field's place, so key order and JSON are unchanged.
 */
export function unpackRun(packed: PackedRun): RunResult {
  return { ...unpackAllButEvents(packed), events: unpackEvents(packed.events) };
}

/** Events unpacked in one page task by `unpackRunInSlices`: about 10 ms of a 2-core machine's time. */
export const EVENTS_PER_SLICE = 4_000;

/** Waits for a task of its own (after the page has had a chance to draw and answer input). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `unpackRun` in slices, each in a task of its own: the steps and paths first, then the events
 * EVENTS_PER_SLICE at a time, and the promise settles in a task after the last slice, so that
 * whoever shows the run does not pay for the unpacking in the same task. A 25,000-event run
 * unpacked in one task held the page's main thread ~50 ms of CPU (issue #9 item 3: no task over 200 ms).
 * Rejects where `unpackRun` would throw.
 */
export async function unpackRunInSlices(packed: PackedRun, slice = EVENTS_PER_SLICE, wait: () => Promise<void> = nextTask): Promise<RunResult> {
  const rest = unpackAllButEvents(packed);
  const count = packed.events.shape.length;
  const events = new Array<RunEvent>(count);
  let at = 0;
  for (let from = 0; from < count; from += slice) {
    await wait();
    at = unpackEventsInto(events, packed.events, from, Math.min(count, from + slice), at);
  }
  await wait();
  return { ...rest, events };
}

/** The run without its events (`events` as the worker sent it: empty). */
function unpackAllButEvents(packed: PackedRun): RunResult {
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
