import { useRipple } from '../../store/context.tsx';
import type { PredictableState } from '../../scenario/lesson.ts';
import { gradeShownFor } from '../../store/lesson-slice.ts';
import type { RippleState } from '../../store/types.ts';
import { stateLabel } from './state-label.ts';
import './lesson-mark.css';

// A learner's guess on a step's node and table row (issue #12): "guess: blocked (424)" before
// the run, then ✓ or ✗ against what the step did, as the playback reaches the step's end. Nothing outside a predict challenge.

/** `guess|blocked`, `right|blocked`, `miss|`, or null: a string, so the selection is stable. */
const selectMark = (id: string) => (s: RippleState): string | null => {
  if (!s.lessonActive) return null;
  // The verdict shows once the playhead reaches the step's final state; the guess until then.
  const item = gradeShownFor(s, id) ? s.lessonGrade?.items.find((i) => i.step === id) : undefined;
  if (item) return `${item.correct ? 'right' : 'miss'}|${item.predicted ?? ''}`;
  const guess = s.guesses.get(id);
  return guess === undefined ? null : `guess|${guess}`;
};

export function LessonMark({ id, inline = false }: { id: string; inline?: boolean }) {
  const mark = useRipple(selectMark(id));
  if (mark === null) return null;
  const [tone, guess] = mark.split('|') as ['guess' | 'right' | 'miss', PredictableState | ''];
  const text = guess === '' ? 'no guess' : `guess: ${stateLabel(guess)}`;
  const verdict = tone === 'guess' ? '' : tone === 'right' ? '✓ ' : '✗ ';
  return (
    <span className={`lesson-mark lesson-mark--${tone}${inline ? ' lesson-mark--inline' : ''}`} data-testid="lesson-mark" data-verdict={tone}>
      <span aria-hidden="true">{verdict}</span>
      {text}
      {tone !== 'guess' && <span className="visually-hidden">{tone === 'right' ? ' (right)' : ' (wrong)'}</span>}
    </span>
  );
}
