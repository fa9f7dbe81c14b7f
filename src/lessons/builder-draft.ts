// The lesson builder's draft (issue #12, "Make a lesson"): what the author has written so far,
// turned into a `lesson` block, and the goal lines the builder offers, built from the current
// run. Pure: the builder component keeps the draft and shows these.
import { checkLesson, PREDICTABLE_STATES, type ChallengeKind, type Editable, type GoalLine, type Lesson, type LessonBeat, type LessonChallenge, type PredictableState } from '../scenario/lesson.ts';
import type { Problem, Scenario } from '../scenario/types.ts';
import type { RunResult } from '../engine/types.ts';

export interface LessonDraft {
  intro: string;
  beats: LessonBeat[];
  kind: ChallengeKind;
  /** Predict: the steps asked about (empty: every step). */
  predictSteps: string[];
  /** Fix: the goal lines chosen, the parts the learner may edit, the par (fewest edits). */
  goal: GoalLine[];
  editable: Editable[];
  par: number;
  /** Find the cause: the step whose 424 the learner explains. */
  causeStep: string;
}

/** A fresh draft: the scenario's own lesson when it has one, else an empty predict lesson. */
export function draftOf(scenario: Scenario): LessonDraft {
  const lesson = scenario.lesson;
  const first = lesson?.challenges[0];
  return {
    intro: lesson?.intro ?? '',
    beats: [...(lesson?.beats ?? [])],
    kind: first?.kind ?? 'predict',
    predictSteps: first?.kind === 'predict' ? [...(first.steps ?? [])] : [],
    goal: first?.kind === 'fix' ? [...first.goal] : [],
    editable: first?.kind === 'fix' ? [...first.editable] : ['policy'],
    par: first?.kind === 'fix' ? first.par : 1,
    causeStep: first?.kind === 'find-cause' ? first.step : '',
  };
}

/** The draft's one challenge. */
export function draftChallenge(draft: LessonDraft): LessonChallenge {
  switch (draft.kind) {
    case 'predict':
      return draft.predictSteps.length > 0 ? { kind: 'predict', steps: [...draft.predictSteps] } : { kind: 'predict' };
    case 'fix':
      return { kind: 'fix', goal: [...draft.goal], editable: [...draft.editable], par: draft.par };
    case 'find-cause':
      return { kind: 'find-cause', step: draft.causeStep };
  }
}

/**
 * The draft as a lesson block checked as a link would be (`checkLesson`, the gate's own rules):
 * `{ lesson }`, or the problems to show (`lesson.intro: …`). Beats are put in order of `at`.
 */
export function draftLesson(draft: LessonDraft, scenario: Scenario): { lesson?: Lesson; problems: Problem[] } {
  const raw: Lesson = { intro: draft.intro.trim(), challenges: [draftChallenge(draft)] };
  if (draft.beats.length > 0) raw.beats = [...draft.beats].sort((a, b) => a.at - b.at);
  return checkLesson(raw, 'lesson', new Set(scenario.steps.map((s) => s.id)));
}

/** One goal line the builder offers, with the words it shows. */
export interface GoalOption {
  line: GoalLine;
  label: string;
}

function isPredictable(state: string): state is PredictableState {
  return (PREDICTABLE_STATES as readonly string[]).includes(state);
}

/**
 * Goal lines for a fix challenge, built from the run `result` of `scenario` (null: no run yet):
 * for each step "must end succeeded" and, when the run ended it otherwise, "must end <as in the
 * run>"; then the whole-run lines (no 424 answered more than once, at most as many blocked steps
 * as now minus one, the run ends succeeded, failures unchanged). Names from `names`.
 */
export function goalOptions(scenario: Scenario, result: RunResult | null, names: ReadonlyMap<string, string>): GoalOption[] {
  const options: GoalOption[] = [];
  for (const step of scenario.steps) {
    const name = names.get(step.id) ?? step.id;
    options.push({ line: { kind: 'step-state', step: step.id, state: 'succeeded' }, label: `${name} must end succeeded` });
    const ended = result?.steps[step.id]?.state;
    if (ended !== undefined && ended !== 'succeeded' && isPredictable(ended)) options.push({ line: { kind: 'step-state', step: step.id, state: ended }, label: `${name} must end ${ended}` });
  }
  const blocked = result ? Object.values(result.steps).filter((s) => s.state === 'blocked').length : 0;
  options.push({ line: { kind: 'max-424-answers', count: 1 }, label: 'no step answers 424 more than once' });
  const fewer = Math.max(0, blocked - 1);
  options.push({ line: { kind: 'max-blocked', count: fewer }, label: fewer === 1 ? 'at most 1 step ends blocked (424)' : `at most ${fewer} steps end blocked (424)` });
  options.push({ line: { kind: 'outcome', outcome: 'succeeded' }, label: 'the run ends succeeded' });
  options.push({ line: { kind: 'failures-unchanged' }, label: "without changing any step's failure" });
  return options;
}

/** Whether two goal lines say the same. */
export function sameGoal(a: GoalLine, b: GoalLine): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
