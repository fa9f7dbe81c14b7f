// The run's event trace, kept compact while the run makes it: one typed-array column per field
// (struct of arrays), steps as indices, absent fields as flag bits. A 100,000-step run makes
// about 160,000 events; as objects they were a third of the result's heap and much of the
// garbage collector's work during the run. `RunResult.events` turns the columns into the
// `RunEvent` objects of the result JSON on its first read (src/engine/result.ts), field for
// field and key for key what the engine used to build eagerly (issue #15).
import type { EventType, RunEvent } from './types.ts';

/**
 * Each event type's code in the `type` column: 0, 1, 2 … in this order. An object, not a Map,
 * so `add` called with a literal type reads a constant; the compiler checks every type is here.
 */
const TYPE_CODES: Readonly<Record<EventType, number>> = {
  'run-started': 0,
  started: 1,
  succeeded: 2,
  failed: 3,
  'timed-out': 4,
  'retry-scheduled': 5,
  blocked: 6,
  unblocked: 7,
  skipped: 8,
  cancelled: 9,
  'repair-requested': 10,
  'compensation-started': 11,
  'compensation-succeeded': 12,
  'compensation-failed': 13,
  'rolled-back': 14,
  reused: 15,
  'replay-started': 16,
  'run-finished': 17,
};

/** Every event type, by its code. */
const EVENT_TYPES = Object.keys(TYPE_CODES) as EventType[];
EVENT_TYPES.forEach((type, code) => {
  if (TYPE_CODES[type] !== code) throw new Error(`event-log: the code of ${type} is not its place in TYPE_CODES`);
});

// Which optional fields an event has (the `flags` column).
const HAS_STATUS = 1;
const HAS_MESSAGE = 2;
const HAS_WILL_RETRY = 4;
const WILL_RETRY = 8;
const HAS_NEXT_AT = 16;
/** `failedPrerequisiteStep` and `rootCauseStep`, always together. */
const HAS_CAUSE = 32;
/** `requestedBy`, kept in the `prerequisite` column (a repair request names no failed prerequisite). */
const HAS_REQUESTED_BY = 64;
/** The message is the step's reason (skipped, cancelled), written on read (src/engine/reasons.ts). */
const HAS_REASON = 128;

/** `attempt` value meaning "the event has no `attempt` field". */
export const NO_ATTEMPT = -1;
/** `step` value of a run event (run-started, run-finished, replay-started). */
export const NO_STEP = -1;

/**
 * Events of one run in columns. `add` appends an event and returns its index (its `seq`); the
 * setters fill its optional fields. `materialize` builds the `RunEvent` objects.
 *
 * @example
 * const k = log.add('blocked', 120, 3, 1);
 * log.setStatus(k, 424);
 * log.setCause(k, 1, 0);
 * log.materialize(ids, 'run-1a2b', false)[k]
 * // → { seq: k, t: 120, type: 'blocked', step: ids[3], attempt: 1, correlationId: 'run-1a2b', status: 424, failedPrerequisiteStep: ids[1], rootCauseStep: ids[0] }
 */
export class EventLog {
  /** Number of events; the next event's `seq`. */
  length = 0;
  private capacity: number;
  private t: Float64Array;
  private type: Uint8Array;
  private flags: Uint8Array;
  /** Step index, or NO_STEP. */
  private step: Int32Array;
  /** Attempt number, or NO_ATTEMPT. */
  private attempt: Int32Array;
  private status: Int32Array;
  /** Failed prerequisite (HAS_CAUSE) or the requesting step (HAS_REQUESTED_BY), by index. */
  private prerequisite: Int32Array;
  private rootCause: Int32Array;
  /**
   * Where the event's message (HAS_MESSAGE) is in `messages`, or its `nextAt` (HAS_NEXT_AT) in
   * `nextAts`: an event has at most one of them (only retry-scheduled has a `nextAt`, and it has
   * no message). Dense lists of the few events that have one: a slot per event in a JS array
   * cost more than the rest of `add` (issue #15).
   */
  private extra: Int32Array;
  private readonly messages: string[] = [];
  private readonly nextAts: number[] = [];

  /** `expected`: about how many events the run will make (the columns grow past it when needed). */
  constructor(expected: number) {
    this.capacity = Math.max(16, expected);
    const c = this.capacity;
    this.t = new Float64Array(c);
    this.type = new Uint8Array(c);
    this.flags = new Uint8Array(c);
    this.step = new Int32Array(c);
    this.attempt = new Int32Array(c);
    this.status = new Int32Array(c);
    this.prerequisite = new Int32Array(c);
    this.rootCause = new Int32Array(c);
    this.extra = new Int32Array(c);
  }

  /** Appends an event at virtual time `t` (ms) and returns its index. */
  add(type: EventType, t: number, step: number, attempt: number): number {
    const k = this.length;
    if (k === this.capacity) this.resize(this.capacity * 2);
    this.t[k] = t;
    this.type[k] = TYPE_CODES[type];
    this.flags[k] = 0;
    this.step[k] = step;
    this.attempt[k] = attempt;
    this.length = k + 1;
    return k;
  }

  setStatus(k: number, status: number): void {
    this.status[k] = status;
    this.flags[k] |= HAS_STATUS;
  }

  /** Gives event k its message; an event has one message at most, and never with a `nextAt`. */
  setMessage(k: number, message: string): void {
    if ((this.flags[k] & (HAS_MESSAGE | HAS_REASON | HAS_NEXT_AT)) !== 0) throw new Error(`engine invariant: event ${k} has a message or nextAt already`);
    this.extra[k] = this.messages.length;
    this.messages.push(message);
    this.flags[k] |= HAS_MESSAGE;
  }

  /**
   * Gives event k its step's reason as its message (a skip or cancel): `materialize` asks
   * `reasonOf` for the text, so the run writes none. Never with another message or a `nextAt`.
   */
  setReason(k: number): void {
    if ((this.flags[k] & (HAS_MESSAGE | HAS_REASON | HAS_NEXT_AT)) !== 0) throw new Error(`engine invariant: event ${k} has a message or nextAt already`);
    this.flags[k] |= HAS_REASON;
  }

  setWillRetry(k: number, willRetry: boolean): void {
    this.flags[k] |= willRetry ? HAS_WILL_RETRY | WILL_RETRY : HAS_WILL_RETRY;
  }

  /** Gives retry-scheduled event k its `nextAt` (virtual ms); never with a message. */
  setNextAt(k: number, nextAt: number): void {
    if ((this.flags[k] & (HAS_MESSAGE | HAS_REASON | HAS_NEXT_AT)) !== 0) throw new Error(`engine invariant: event ${k} has a message or nextAt already`);
    this.extra[k] = this.nextAts.length;
    this.nextAts.push(nextAt);
    this.flags[k] |= HAS_NEXT_AT;
  }

  /** The failed prerequisite and root cause of a 424 (or of a missing output, R6), by step index. */
  setCause(k: number, failedPrerequisite: number, rootCause: number): void {
    this.prerequisite[k] = failedPrerequisite;
    this.rootCause[k] = rootCause;
    this.flags[k] |= HAS_CAUSE;
  }

  setRequestedBy(k: number, step: number): void {
    this.prerequisite[k] = step;
    this.flags[k] |= HAS_REQUESTED_BY;
  }

  /** The step of event k (NO_STEP for run events) and its type. */
  stepOf(k: number): number {
    return this.step[k];
  }

  typeOf(k: number): EventType {
    return EVENT_TYPES[this.type[k]];
  }

  /**
   * Drops the unused capacity once the run has made its last event, when it is more than a
   * quarter of the columns: copying 100,000 events to save a few hundred kB made a run
   * allocate twice what its events take, and at that size the allocation is what brings on
   * the garbage collector's full collections (issue #15). A result keeps at most a third more
   * than its events need.
   */
  trim(): void {
    if (this.capacity - this.length > this.capacity >> 2) this.resize(this.length);
  }

  /**
   * The events as the result JSON has them: fields in the order seq, t, type, step, attempt,
   * correlationId, status, message, willRetry, nextAt, failedPrerequisiteStep, rootCauseStep,
   * requestedBy, replay — each only when the event has it. `ids`: step ids by index;
   * `reasonOf`: a step's reason (the message of its skip or cancel, `setReason`).
   */
  materialize(ids: readonly string[], correlationId: string, replay: boolean, reasonOf: (step: number) => string | undefined): RunEvent[] {
    const n = this.length;
    const out = new Array<RunEvent>(n);
    for (let k = 0; k < n; k++) {
      const type = EVENT_TYPES[this.type[k]];
      const s = this.step[k];
      const attempt = this.attempt[k];
      const f = this.flags[k];
      let e: RunEvent;
      // The commonest shapes in one literal each, so their fields stay inside the object; the
      // rest get their optional fields added in order.
      let rest = f;
      if (s === NO_STEP) e = { seq: k, t: this.t[k], type, correlationId };
      else if (attempt === NO_ATTEMPT) e = { seq: k, t: this.t[k], type, step: ids[s], correlationId };
      else if (f === HAS_STATUS) {
        e = { seq: k, t: this.t[k], type, step: ids[s], attempt, correlationId, status: this.status[k] };
        rest = 0;
      } else if ((f & ~(HAS_MESSAGE | WILL_RETRY)) === (HAS_STATUS | HAS_WILL_RETRY | HAS_CAUSE)) {
        // blocked, rolled-back, and failed for a missing output (R6).
        const step = ids[s];
        const status = this.status[k];
        const willRetry = (f & WILL_RETRY) !== 0;
        const failedPrerequisiteStep = ids[this.prerequisite[k]];
        const rootCauseStep = ids[this.rootCause[k]];
        const t = this.t[k];
        e =
          (f & HAS_MESSAGE) === 0
            ? { seq: k, t, type, step, attempt, correlationId, status, willRetry, failedPrerequisiteStep, rootCauseStep }
            : { seq: k, t, type, step, attempt, correlationId, status, message: this.messages[this.extra[k]], willRetry, failedPrerequisiteStep, rootCauseStep };
        rest = 0;
      } else e = { seq: k, t: this.t[k], type, step: ids[s], attempt, correlationId };
      if (rest !== 0) this.fill(e, k, rest, ids, reasonOf);
      if (replay) e.replay = true;
      out[k] = e;
    }
    return out;
  }

  /** Adds event k's optional fields to `e`, in the result's order. */
  private fill(e: RunEvent, k: number, f: number, ids: readonly string[], reasonOf: (step: number) => string | undefined): void {
    if (f & HAS_STATUS) e.status = this.status[k];
    if (f & HAS_MESSAGE) e.message = this.messages[this.extra[k]];
    else if (f & HAS_REASON) e.message = reasonOf(this.step[k]);
    if (f & HAS_WILL_RETRY) e.willRetry = (f & WILL_RETRY) !== 0;
    if (f & HAS_NEXT_AT) e.nextAt = this.nextAts[this.extra[k]];
    if (f & HAS_CAUSE) {
      e.failedPrerequisiteStep = ids[this.prerequisite[k]];
      e.rootCauseStep = ids[this.rootCause[k]];
    }
    if (f & HAS_REQUESTED_BY) e.requestedBy = ids[this.prerequisite[k]];
  }

  private resize(capacity: number): void {
    const n = this.length;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (c: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, n));
      return b;
    };
    this.t = grow(this.t, (c) => new Float64Array(c));
    this.type = grow(this.type, (c) => new Uint8Array(c));
    this.flags = grow(this.flags, (c) => new Uint8Array(c));
    this.step = grow(this.step, (c) => new Int32Array(c));
    this.attempt = grow(this.attempt, (c) => new Int32Array(c));
    this.status = grow(this.status, (c) => new Int32Array(c));
    this.prerequisite = grow(this.prerequisite, (c) => new Int32Array(c));
    this.rootCause = grow(this.rootCause, (c) => new Int32Array(c));
    this.extra = grow(this.extra, (c) => new Int32Array(c));
    this.capacity = capacity;
  }
}
