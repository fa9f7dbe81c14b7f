import { useId, useMemo } from 'react';
import type { Step } from '../scenario/types.ts';
import { markChipClass, stepMarks } from '../canvas/step-marks.ts';
import { Icon } from '../canvas/icons.tsx';
import './step-marks-list.css';

/**
 * Every mark of the selected step's node, each chip beside its sentence: the node's "+N" counts
 * the marks that do not fit its row, and only a mouse could hover it for their names (tryout: a
 * phone or a keyboard had no way to learn what "+3" stood for). Tapping or pressing Enter on a
 * step selects it and opens the Inspector, whose top now says them all. Nothing when the step
 * has no marks (it succeeds with the defaults).
 */
export function StepMarksList({ step }: { step: Step }) {
  const marks = useMemo(() => stepMarks(step), [step]);
  const labelId = useId();
  if (marks.length === 0) return null;
  return (
    <div className="step-marks-list" data-testid="step-marks-list">
      <span className="field__label" id={labelId}>
        Marks on its node
      </span>
      <ul aria-labelledby={labelId}>
        {marks.map((m) => (
          <li key={m.kind}>
            <span className={markChipClass(m)} data-mark={m.kind} aria-hidden="true">
              {m.icon && <Icon name={m.icon} />}
              <span className="chip__text">{m.text}</span>
            </span>
            <span className="step-marks-list__words">{m.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
