// Issue #12: the `lesson` block that makes a scenario a lesson (version 2): an introduction,
// captions tied to moments of the run (beats), and challenges (predict, fix, find the cause).
// `checkLesson` is the gate for it: validate.ts calls it with the scenario's step ids, and it
// reports every problem with its JSON path, like the rest of the gate. Whether a beat falls
// within the run, and whether a challenge can be solved, needs a run: src/engine/grade.ts.
import type { Problem, ProblemCode } from './types.ts';
import { MAX_DURATION_MS } from './limits.ts';
import { Suggester, codePointLength, describe, didYouMean, joinPath, listChoices, quote } from './text.ts';

/** The final states a learner can predict (the engine's `StepState` names; `rolled-back` is R18). */
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

/** A run's outcome (R11), as the engine's `RunOutcome`. */
export type RunOutcomeName = 'succeeded' | 'failed' | 'compensated' | 'compensation-failed';

/** A caption shown during playback from virtual time `at` (ms), optionally pointing at a step. */
export interface LessonBeat {
  at: number;
  text: string;
  step?: string;
}

/**
 * A line of a fix challenge's goal, checked on the run's result (src/engine/grade.ts `checkGoal`):
 * - `step-state`: the step ends in `state` ("the payment is refunded": `compensated`);
 * - `max-blocked`: at most `count` steps end blocked (424);
 * - `max-424-answers`: no step answers 424 more than `count` times (the naive retry loop, R9);
 * - `outcome`: the run's outcome (R11);
 * - `failures-unchanged`: every step's `fail` is as the lesson wrote it (no cheating by
 *   deleting the failure).
 */
export type GoalLine =
  | { kind: 'step-state'; step: string; state: PredictableState }
  | { kind: 'max-blocked'; count: number }
  | { kind: 'max-424-answers'; count: number }
  | { kind: 'outcome'; outcome: RunOutcomeName }
  | { kind: 'failures-unchanged' };
export type GoalKind = GoalLine['kind'];
export const GOAL_KINDS: readonly GoalKind[] = ['step-state', 'max-blocked', 'max-424-answers', 'outcome', 'failures-unchanged'];

/**
 * What a fix challenge lets the learner change: the run policy; steps' `retry` (one step's when
 * the challenge names `retryStep`); dependencies (added, removed, their `on`); steps' `fail`;
 * steps' `compensation` handlers.
 */
export type Editable = 'policy' | 'retry' | 'edges' | 'failures' | 'compensation';
export const EDITABLE_PARTS: readonly Editable[] = ['policy', 'retry', 'edges', 'failures', 'compensation'];

export type LessonChallenge =
  /** Predict each named step's final state (default: every step). */
  | { kind: 'predict'; steps?: string[] }
  /** Edit the allowed parts until every goal line holds, in at most `par` edits for a full score. */
  | { kind: 'fix'; goal: GoalLine[]; editable: Editable[]; par: number; retryStep?: string }
  /** Click the root cause of the 424 answered by `step`. */
  | { kind: 'find-cause'; step: string };
export type ChallengeKind = LessonChallenge['kind'];
export const CHALLENGE_KINDS: readonly ChallengeKind[] = ['predict', 'fix', 'find-cause'];

export interface Lesson {
  /** Plain text; paragraphs separated by a blank line. */
  intro: string;
  /** How long the lesson takes, in minutes (for the index). */
  minutes?: number;
  /** In order of `at`. */
  beats?: LessonBeat[];
  challenges: LessonChallenge[];
}

export const LESSON_LIMITS = Object.freeze({
  /** Characters of the whole introduction, and of one paragraph of it. */
  intro: { min: 1, max: 1500 },
  paragraph: { max: 600 },
  paragraphs: { max: 5 },
  minutes: { min: 1, max: 30 },
  beats: { max: 40 },
  beatText: { min: 1, max: 200 },
  challenges: { min: 1, max: 5 },
  goal: { min: 1, max: 8 },
  par: { min: 0, max: 100 },
  count: { min: 0, max: 10_000 },
});

const LESSON_KEYS = ['intro', 'minutes', 'beats', 'challenges'] as const;
const BEAT_KEYS = ['at', 'text', 'step'] as const;
const CHALLENGE_KEYS: Record<ChallengeKind, readonly string[]> = {
  predict: ['kind', 'steps'],
  fix: ['kind', 'goal', 'editable', 'par', 'retryStep'],
  'find-cause': ['kind', 'step'],
};
const GOAL_KEYS: Record<GoalKind, readonly string[]> = {
  'step-state': ['kind', 'step', 'state'],
  'max-blocked': ['kind', 'count'],
  'max-424-answers': ['kind', 'count'],
  outcome: ['kind', 'outcome'],
  'failures-unchanged': ['kind'],
};
const OUTCOMES: readonly RunOutcomeName[] = ['succeeded', 'failed', 'compensated', 'compensation-failed'];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function oneOf<T extends string>(choices: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (choices as readonly string[]).includes(v);
}

/** A noun as one and as several: `['goal line', 'goal lines']`. */
type Noun = readonly [one: string, several: string];

/** `countOf(1, ['beat', 'beats'])` → `1 beat`; `countOf(2, …)` → `2 beats`. */
function countOf(n: number, [one, several]: Noun): string {
  return `${n} ${n === 1 ? one : several}`;
}

/** Collects problems and builds the clean copy; one per `checkLesson` call. */
class LessonChecker {
  readonly problems: Problem[] = [];
  private readonly ids: Suggester;

  constructor(private readonly stepIds: ReadonlySet<string>) {
    this.ids = new Suggester([...stepIds]);
  }

  add(code: ProblemCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }

  keys(obj: Obj, allowed: readonly string[], path: string): void {
    const suggester = new Suggester(allowed);
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      this.add('unknown-field', joinPath(path, key), `unknown field${didYouMean(suggester.suggest(key))}`);
    }
  }

  text(v: unknown, path: string, min: number, max: number): string | undefined {
    if (typeof v !== 'string') {
      this.add(v === undefined ? 'missing-field' : 'wrong-type', path, `expected a string of ${min}–${max} characters, got ${describe(v)}`);
      return undefined;
    }
    const n = codePointLength(v.trim());
    if (n < min) {
      this.add('empty', path, 'is empty; write at least a few words');
      return undefined;
    }
    if (codePointLength(v) > max) {
      this.add('too-long', path, `is ${codePointLength(v)} characters long; at most ${max}`);
      return undefined;
    }
    return v;
  }

  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.add(v === undefined ? 'missing-field' : 'wrong-type', path, `expected an integer ${min}–${max}, got ${describe(v)}`);
      return undefined;
    }
    if (v < min || v > max) {
      this.add('out-of-range', path, `${v} is out of range: expected an integer ${min}–${max}`);
      return undefined;
    }
    return v;
  }

  stepId(v: unknown, path: string): string | undefined {
    if (typeof v !== 'string') {
      this.add(v === undefined ? 'missing-field' : 'wrong-type', path, `expected a step id, got ${describe(v)}`);
      return undefined;
    }
    if (!this.stepIds.has(v)) {
      this.add('missing-step', path, `no step ${quote(v)}${didYouMean(this.ids.suggest(v))}`);
      return undefined;
    }
    return v;
  }

  choice<T extends string>(v: unknown, path: string, choices: readonly T[], what: string): T | undefined {
    if (oneOf(choices, v)) return v;
    const suggestion = typeof v === 'string' ? didYouMean(new Suggester(choices).suggest(v)) : '';
    this.add(v === undefined ? 'missing-field' : 'wrong-type', path, `expected ${what}: ${listChoices(choices)}, got ${describe(v)}${suggestion}`);
    return undefined;
  }

  /** A list of `min`–`max` items; `what` names one item and several (`['goal line', 'goal lines']`). */
  list(v: unknown, path: string, min: number, max: number, what: Noun): unknown[] | undefined {
    if (!Array.isArray(v)) {
      this.add(v === undefined ? 'missing-field' : 'wrong-type', path, `expected a list of ${what[1]}, got ${describe(v)}`);
      return undefined;
    }
    if (v.length < min) {
      this.add('empty', path, `needs at least ${countOf(min, what)}; it has ${v.length === 0 ? 'none' : v.length}`);
      return undefined;
    }
    if (v.length > max) {
      this.add('out-of-range', path, `has ${countOf(v.length, what)}; at most ${max} ${max === 1 ? 'is' : 'are'} allowed`);
      return undefined;
    }
    return v;
  }

  intro(v: unknown, path: string): string | undefined {
    const intro = this.text(v, path, LESSON_LIMITS.intro.min, LESSON_LIMITS.intro.max);
    if (intro === undefined) return undefined;
    const paragraphs = introParagraphs(intro);
    if (paragraphs.length > LESSON_LIMITS.paragraphs.max) {
      this.add('too-long', path, `has ${paragraphs.length} paragraphs; at most ${LESSON_LIMITS.paragraphs.max} (a lesson's introduction is a few short paragraphs)`);
      return undefined;
    }
    const long = paragraphs.findIndex((p) => codePointLength(p) > LESSON_LIMITS.paragraph.max);
    if (long >= 0) {
      this.add('too-long', path, `paragraph ${long + 1} is ${codePointLength(paragraphs[long])} characters long; at most ${LESSON_LIMITS.paragraph.max}`);
      return undefined;
    }
    return intro;
  }

  beats(v: unknown, path: string): LessonBeat[] | undefined {
    const list = this.list(v, path, 0, LESSON_LIMITS.beats.max, ['beat', 'beats']);
    if (list === undefined) return undefined;
    const beats: LessonBeat[] = [];
    let previous = -1;
    list.forEach((raw, i) => {
      const at = joinPath(path, i);
      if (!isObject(raw)) {
        this.add('wrong-type', at, `expected a beat { at, text, step? }, got ${describe(raw)}`);
        return;
      }
      this.keys(raw, BEAT_KEYS, at);
      const t = this.integer(own(raw, 'at'), joinPath(at, 'at'), 0, MAX_DURATION_MS);
      const text = this.text(own(raw, 'text'), joinPath(at, 'text'), LESSON_LIMITS.beatText.min, LESSON_LIMITS.beatText.max);
      const step = own(raw, 'step') === undefined ? undefined : this.stepId(own(raw, 'step'), joinPath(at, 'step'));
      if (t !== undefined && t < previous) {
        this.add('out-of-order', joinPath(at, 'at'), `beats are in order of time: ${t} ms comes before the previous beat's ${previous} ms`);
      }
      if (t !== undefined) previous = Math.max(previous, t);
      if (t === undefined || text === undefined) return;
      beats.push(step === undefined ? { at: t, text } : { at: t, text, step });
    });
    return beats;
  }

  stepList(v: unknown, path: string): string[] | undefined {
    const list = this.list(v, path, 1, this.stepIds.size || 1, ['step id', 'step ids']);
    if (list === undefined) return undefined;
    const seen = new Set<string>();
    const ids: string[] = [];
    list.forEach((raw, i) => {
      const id = this.stepId(raw, joinPath(path, i));
      if (id === undefined) return;
      if (seen.has(id)) this.add('duplicate-id', joinPath(path, i), `step ${quote(id)} is listed twice`);
      seen.add(id);
      ids.push(id);
    });
    return ids.length === list.length && seen.size === ids.length ? ids : undefined;
  }

  goalLine(raw: unknown, path: string): GoalLine | undefined {
    if (!isObject(raw)) {
      this.add('wrong-type', path, `expected a goal line { kind, … }, got ${describe(raw)}`);
      return undefined;
    }
    const kind = this.choice(own(raw, 'kind'), joinPath(path, 'kind'), GOAL_KINDS, 'a goal kind');
    if (kind === undefined) return undefined;
    this.keys(raw, GOAL_KEYS[kind], path);
    switch (kind) {
      case 'step-state': {
        const step = this.stepId(own(raw, 'step'), joinPath(path, 'step'));
        const state = this.choice(own(raw, 'state'), joinPath(path, 'state'), PREDICTABLE_STATES, 'a final state');
        return step === undefined || state === undefined ? undefined : { kind, step, state };
      }
      case 'max-blocked':
      case 'max-424-answers': {
        const count = this.integer(own(raw, 'count'), joinPath(path, 'count'), LESSON_LIMITS.count.min, LESSON_LIMITS.count.max);
        return count === undefined ? undefined : { kind, count };
      }
      case 'outcome': {
        const outcome = this.choice(own(raw, 'outcome'), joinPath(path, 'outcome'), OUTCOMES, 'a run outcome');
        return outcome === undefined ? undefined : { kind, outcome };
      }
      case 'failures-unchanged':
        return { kind };
    }
  }

  fix(raw: Obj, path: string): LessonChallenge | undefined {
    const goalList = this.list(own(raw, 'goal'), joinPath(path, 'goal'), LESSON_LIMITS.goal.min, LESSON_LIMITS.goal.max, ['goal line', 'goal lines']);
    const goal = goalList?.map((g, i) => this.goalLine(g, joinPath(joinPath(path, 'goal'), i)));
    const editablePath = joinPath(path, 'editable');
    const editableList = this.list(own(raw, 'editable'), editablePath, 1, EDITABLE_PARTS.length, ['editable part', 'editable parts']);
    const editable: Editable[] = [];
    editableList?.forEach((e, i) => {
      const part = this.choice(e, joinPath(editablePath, i), EDITABLE_PARTS, 'an editable part');
      if (part === undefined) return;
      if (editable.includes(part)) this.add('duplicate-id', joinPath(editablePath, i), `${quote(part)} is listed twice`);
      else editable.push(part);
    });
    const par = this.integer(own(raw, 'par'), joinPath(path, 'par'), LESSON_LIMITS.par.min, LESSON_LIMITS.par.max);
    let retryStep: string | undefined;
    if (own(raw, 'retryStep') !== undefined) {
      retryStep = this.stepId(own(raw, 'retryStep'), joinPath(path, 'retryStep'));
      if (retryStep !== undefined && !editable.includes('retry')) {
        this.add('conflicting-fields', joinPath(path, 'retryStep'), 'names the step whose retry may change, but "retry" is not in editable');
      }
    }
    if (goal === undefined || goal.some((g) => g === undefined) || editableList === undefined || editable.length !== editableList.length || par === undefined) {
      return undefined;
    }
    const fix: LessonChallenge = { kind: 'fix', goal: goal as GoalLine[], editable, par };
    if (retryStep !== undefined) fix.retryStep = retryStep;
    return fix;
  }

  challenge(raw: unknown, path: string): LessonChallenge | undefined {
    if (!isObject(raw)) {
      this.add('wrong-type', path, `expected a challenge { kind, … }, got ${describe(raw)}`);
      return undefined;
    }
    const kind = this.choice(own(raw, 'kind'), joinPath(path, 'kind'), CHALLENGE_KINDS, 'a challenge kind');
    if (kind === undefined) return undefined;
    this.keys(raw, CHALLENGE_KEYS[kind], path);
    switch (kind) {
      case 'predict': {
        if (own(raw, 'steps') === undefined) return { kind };
        const steps = this.stepList(own(raw, 'steps'), joinPath(path, 'steps'));
        return steps === undefined ? undefined : { kind, steps };
      }
      case 'fix':
        return this.fix(raw, path);
      case 'find-cause': {
        const step = this.stepId(own(raw, 'step'), joinPath(path, 'step'));
        return step === undefined ? undefined : { kind, step };
      }
    }
  }
}

/** The introduction's paragraphs: separated by a blank line, trimmed, empty ones dropped. */
export function introParagraphs(intro: string): string[] {
  return intro
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Checks an untrusted `lesson` value (at `path`, normally `lesson`) against the step ids of its
 * scenario. Returns the clean copy (only known fields) when it is sound, and every problem with
 * its path: `lesson.challenges[1].goal[0].step: no step "shipp" (did you mean "ship"?)`.
 * Never throws. Limits are in `LESSON_LIMITS`.
 */
export function checkLesson(raw: unknown, path: string, stepIds: ReadonlySet<string>): { lesson?: Lesson; problems: Problem[] } {
  if (!isObject(raw)) {
    return { problems: [{ code: 'wrong-type', path, message: `expected an object { intro, challenges }, got ${describe(raw)}` }] };
  }
  const c = new LessonChecker(stepIds);
  c.keys(raw, LESSON_KEYS, path);
  const intro = c.intro(own(raw, 'intro'), joinPath(path, 'intro'));
  const minutes = own(raw, 'minutes') === undefined ? undefined : c.integer(own(raw, 'minutes'), joinPath(path, 'minutes'), LESSON_LIMITS.minutes.min, LESSON_LIMITS.minutes.max);
  const beats = own(raw, 'beats') === undefined ? undefined : c.beats(own(raw, 'beats'), joinPath(path, 'beats'));
  const challengesPath = joinPath(path, 'challenges');
  const list = c.list(own(raw, 'challenges'), challengesPath, LESSON_LIMITS.challenges.min, LESSON_LIMITS.challenges.max, ['challenge', 'challenges']);
  const challenges = list?.map((ch, i) => c.challenge(ch, joinPath(challengesPath, i)));
  if (c.problems.length > 0 || intro === undefined || challenges === undefined) return { problems: c.problems };
  const lesson: Lesson = { intro, challenges: challenges as LessonChallenge[] };
  if (minutes !== undefined) lesson.minutes = minutes;
  if (beats !== undefined) lesson.beats = beats;
  return { lesson, problems: [] };
}

/** The steps a predict challenge asks about: its `steps`, or every step in scenario order. */
export function predictedSteps(challenge: { steps?: string[] } | undefined, stepIds: readonly string[]): string[] {
  return challenge?.steps ?? [...stepIds];
}
