import { useId, useMemo } from 'react';
import type { Step } from '../scenario/types.ts';
import { markChipClass, stepMarks } from '../canvas/step-marks.ts';
import { Icon } from '../canvas/icons.tsx';
import { useLint } from '../canvas/use-lint.ts';
import './step-marks-list.css';

/**
 * Every mark of the selected step's node, each chip beside its sentence: the node's "+N" counts
 * the marks that do not fit its row, and only a mouse could hover it for their names (tryout: a
 * phone or a keyboard had no way to learn what "+3" stood for). Tapping or pressing Enter on a
 * step selects it and opens the Inspector, whose top now says them all. The node's warning badge
 * ("⚠ 2") is listed too, each of its warnings in the words of its tooltip and of the Scenario
 * tab's list (the engine's lint; tryout: a tooltip a phone cannot reach). Nothing when the step
 * has neither marks (it succeeds with the defaults) nor warnings.
 */
export function StepMarksList({ step }: { step: Step }) {
  const marks = useMemo(() => stepMarks(step), [step]);
  const warnings = useStepLint(step.id);
  const labelId = useId();
  if (marks.length === 0 && warnings.length === 0) return null;
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
        {warnings.length > 0 && (
          <li key="lint" data-testid="step-marks-list-lint">
            <span className="chip chip--lint" data-mark="lint" aria-hidden="true">
              <Icon name="warning" /> {warnings.length}
            </span>
            <span className="step-marks-list__words">
              {warnings.map((message, i) => (
                <span key={i} className="step-marks-list__warning">
                  {/* Said, not drawn: the chip that says "warning" is hidden from screen readers. */}
                  <span className="visually-hidden">Warning: </span>
                  {message}
                </span>
              ))}
            </span>
          </li>
        )}
      </ul>
    </div>
  );
}

const NO_WARNINGS: readonly string[] = [];

/** The lint warnings about step `id` (the engine's messages, as its node's badge gives them), in the lint's order. */
function useStepLint(id: string): readonly string[] {
  const warnings = useLint();
  return useMemo(() => {
    const mine = warnings.filter((w) => w.step === id).map((w) => w.message);
    return mine.length > 0 ? mine : NO_WARNINGS;
  }, [warnings, id]);
}
