// Limits of the scenario gate. Untrusted input (links, files, pasted batch bodies) larger than
// these is refused with a `too-large` error before any real work is done, so a hostile link
// cannot freeze the page. The numbers are part of what a link promises to open, so raising
// them is safe and lowering them breaks links that used to open.
import type { Scenario } from './types.ts';

/** Most steps a scenario opened through the gate may have. `validate` itself has no limit. */
export const MAX_STEPS = 2_000;
/** Most dependencies a scenario opened through the gate may have (≈ 25 per step). */
export const MAX_DEPENDENCIES = 50_000;
/** Largest scenario JSON text, in UTF-8 bytes. */
export const MAX_JSON_BYTES = 1_000_000;
/** Longest share-link fragment, in characters. */
export const MAX_LINK_CHARS = 200_000;
/** Largest decompressed link payload, in bytes: inflating stops as soon as it is passed. */
export const MAX_DECOMPRESSED_BYTES = 1_000_000;
/** Most problems listed for one input; the rest are counted in a final summary problem. */
export const MAX_PROBLEMS = 1_000;

// Ranges that keep a shared scenario from making the simulation run (practically) forever.
// The format documents them; see validate.ts.
export const MAX_DURATION_MS = 3_600_000;
export const MAX_ATTEMPTS = 100;
export const MAX_RETRY_FACTOR = 10;

// The work budget of one run, shared by the gate (which estimates the worst case, see
// `estimateRunEvents` in validate.ts) and the engine (which stops a run that reaches it; see
// src/engine/budget.ts). A run's events are what the timeline, the log and every selector
// walk, so they are what a hostile link would make the page pay for: a 100-step chain whose
// steps retry 100 times makes 30,000 events, 2,000 such steps 600,000 (issue #9 item 3).
// A run without retries makes a few events per step, so the budget grows with the scenario.

/** Events every run may make, whatever its size. */
export const RUN_EVENT_BASE = 5_000;
/** Events a run may make per step on top of the base (a step, a retry or two, a 424). */
export const RUN_EVENTS_PER_STEP = 10;

/** The most events a run of `steps` steps may make: `RUN_EVENT_BASE + RUN_EVENTS_PER_STEP × steps`. */
export function runEventBudget(steps: number): number {
  return RUN_EVENT_BASE + RUN_EVENTS_PER_STEP * steps;
}

/** Events one attempt may make at most: started, failed, retry-scheduled (or 424 and its re-send). */
const EVENTS_PER_ATTEMPT = 3;

export interface RunWorkEstimate {
  /** An upper bound of the events a run of the scenario can make, before the budget stops it. */
  events: number;
  /** `runEventBudget` of the scenario's size. */
  budget: number;
  /** Index of the step that may retry the most (the first of equals), or -1 with no steps. */
  step: number;
}

/**
 * The worst case of a run's work, for the gate to warn before the run is paid (issue #9 item 3):
 * every step may use every attempt (Σ maxAttempts, 3 events each), and with graph-aware retry
 * (R9) each retry of a blocked step may re-run its failed root cause once more, so retries count
 * twice. The engine enforces the budget exactly (src/engine/budget.ts); this is only an estimate.
 *
 * @example
 * estimateRunEvents(hundredStepChainRetrying100Times) // → { events: 59703, budget: 6000, step: 0 }
 */
export function estimateRunEvents(scenario: Pick<Scenario, 'steps' | 'policy'>): RunWorkEstimate {
  const graphAware = (scenario.policy?.retryMode ?? 'graph-aware') === 'graph-aware';
  let events = 2 + scenario.steps.length;
  let step = -1;
  let most = 0;
  scenario.steps.forEach((s, i) => {
    const attempts = Math.max(1, s.retry?.maxAttempts ?? 1);
    events += EVENTS_PER_ATTEMPT * (graphAware ? 2 * attempts - 1 : attempts);
    if (attempts > most) {
      most = attempts;
      step = i;
    }
  });
  return { events, budget: runEventBudget(scenario.steps.length), step };
}
