import type { RunEvent, RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { resolveStep } from '../scenario/defaults.ts';
import { stepName } from '../scenario/step-names.ts';

// The run as Chrome Trace Event JSON (the "JSON Object Format" that Perfetto and
// chrome://tracing open): one thread track per step, named by `thread_name` metadata and
// kept in scenario order by `thread_sort_index`; attempts, retry waits and compensations as
// complete events (`ph: "X"`), 424s and other moments as instant events (`ph: "i"`).
// Virtual milliseconds become microseconds (`ts`, `dur`): end points are rounded, so slices
// on one thread nest or follow each other exactly as in the run. No wall clock, so the same run
// always gives the same file.

export interface TraceEvent {
  name: string;
  ph: 'X' | 'i' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  /** Instant event scope: thread or global. */
  s?: 't' | 'g';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string>;
}

const PID = 1;
const RUN_TID = 0;
const US_PER_MS = 1000;

/**
 * `toChromeTrace(run, scenario)` → `{ traceEvents: [ {ph:'M', name:'thread_name', …},
 * {ph:'X', name:'attempt 1: 402', ts: 80000, dur: 120000, …}, {ph:'i', name:'424 Failed Dependency', …} ] }`.
 */
export function toChromeTrace(run: RunResult, scenario: Scenario): ChromeTrace {
  const tidOf = new Map(scenario.steps.map((s, i) => [s.id, i + 1]));
  const stepsById = new Map(scenario.steps.map((s) => [s.id, resolveStep(s)]));
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: RUN_TID, args: { name: scenario.title } },
    { name: 'thread_name', ph: 'M', pid: PID, tid: RUN_TID, args: { name: 'run' } },
    { name: 'thread_sort_index', ph: 'M', pid: PID, tid: RUN_TID, args: { sort_index: 0 } },
  ];
  for (const step of scenario.steps) {
    const tid = tidOf.get(step.id)!;
    // A viewer shows the thread's name to people: the step's label; the id stays in args.
    events.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name: stepName(scenario, step.id), step: step.id } });
    events.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: tid } });
  }

  // Open spans keyed by step: an attempt or a compensation waiting for the event that ends it.
  const attempts = new Map<string, RunEvent>();
  const compensations = new Map<string, RunEvent>();
  const us = (t: number) => Math.round(t * US_PER_MS);
  // Both ends are rounded and the duration derived from them: rounding `ts` and `dur` apart
  // can push a slice's end 1 µs past the start of the next one on the same thread, and
  // viewers then draw it as a (wrong) parent of that next slice.
  const span = (from: number, to: number) => ({ ts: us(from), dur: us(to) - us(from) });
  const complete = (start: RunEvent, end: RunEvent, name: string, cat: string, args: Record<string, unknown>) => {
    events.push({ name, cat, ph: 'X', pid: PID, tid: tidOf.get(start.step!) ?? RUN_TID, ...span(start.t, end.t), args });
  };
  const instant = (e: RunEvent, name: string, cat: string, args: Record<string, unknown> = {}) => {
    const tid = e.step !== undefined ? (tidOf.get(e.step) ?? RUN_TID) : RUN_TID;
    events.push({ name, cat, ph: 'i', s: tid === RUN_TID ? 'g' : 't', pid: PID, tid, ts: us(e.t), args: { seq: e.seq, ...args } });
  };

  // Retry waits still open, by step. A wait lasts until `nextAt` unless something happens to
  // the step first (a graph-aware repair unblocks it and it starts at once, the run ends):
  // the slice is then cut there, so it never overlaps what follows on the same thread.
  const waits = new Map<string, TraceEvent>();
  const endWait = (step: string, t: number) => {
    const wait = waits.get(step);
    if (!wait) return;
    waits.delete(step);
    wait.dur = Math.min(wait.dur!, Math.max(0, us(t) - wait.ts!));
  };

  for (const e of run.events) {
    const step = e.step;
    if (step !== undefined) endWait(step, e.t);
    if (e.type === 'run-finished') for (const waiting of [...waits.keys()]) endWait(waiting, e.t);
    switch (e.type) {
      case 'started':
        if (step !== undefined) attempts.set(step, e);
        break;
      case 'succeeded':
      case 'failed':
      case 'timed-out': {
        const start = step !== undefined ? attempts.get(step) : undefined;
        if (!start || step === undefined) break; // a second end event for the same attempt
        attempts.delete(step);
        const status = e.status ?? (e.type === 'timed-out' ? 504 : null);
        complete(start, e, `attempt ${start.attempt ?? 1}${status !== null ? `: ${status}` : ''}`, e.replay ? 'attempt,replay' : 'attempt', {
          attempt: start.attempt ?? 1,
          status,
          outcome: e.type,
          ...(e.message !== undefined ? { message: e.message } : {}),
          ...(e.willRetry !== undefined ? { willRetry: e.willRetry } : {}),
        });
        break;
      }
      case 'retry-scheduled':
        if (step !== undefined && e.nextAt !== undefined && e.nextAt > e.t) {
          const wait: TraceEvent = { name: 'retry delay', cat: 'retry', ph: 'X', pid: PID, tid: tidOf.get(step) ?? RUN_TID, ...span(e.t, e.nextAt), args: { nextAttempt: e.attempt } };
          events.push(wait);
          waits.set(step, wait);
        } else {
          instant(e, 'retry scheduled', 'retry', { nextAt: e.nextAt });
        }
        break;
      case 'blocked':
        instant(e, '424 Failed Dependency', 'blocked', {
          attempt: e.attempt ?? 1,
          failedPrerequisiteStep: e.failedPrerequisiteStep,
          rootCauseStep: e.rootCauseStep,
          ...(e.willRetry !== undefined ? { willRetry: e.willRetry } : {}),
        });
        break;
      case 'compensation-started':
        if (step !== undefined) compensations.set(step, e);
        break;
      case 'compensation-succeeded':
      case 'compensation-failed': {
        const start = step !== undefined ? compensations.get(step) : undefined;
        if (!start || step === undefined) break;
        compensations.delete(step);
        const label = stepsById.get(step)?.compensation?.label ?? 'compensation';
        complete(start, e, label, 'compensation', {
          outcome: e.type,
          ...(e.status !== undefined ? { status: e.status } : {}),
          ...(e.message !== undefined ? { message: e.message } : {}),
        });
        break;
      }
      case 'repair-requested':
        instant(e, 'repair requested', 'retry', { requestedBy: e.requestedBy, attempt: e.attempt });
        break;
      case 'skipped':
      case 'cancelled':
      case 'unblocked':
      case 'reused':
        instant(e, e.type, e.type, e.message !== undefined ? { message: e.message } : {});
        break;
      case 'run-started':
      case 'replay-started':
        instant({ ...e, step: undefined }, e.type, 'run', { correlationId: e.correlationId });
        break;
      case 'run-finished':
        instant({ ...e, step: undefined }, `run finished: ${run.outcome}`, 'run', { outcome: run.outcome, httpStatus: run.httpStatus });
        break;
    }
  }

  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { title: scenario.title, correlationId: run.correlationId, outcome: run.outcome },
  };
}
