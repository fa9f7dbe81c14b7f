import { memo, useEffect, useMemo } from 'react';
import { LessonMark } from '../lessons/ui/LessonMark.tsx';
import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState, RippleStore } from '../store/store.ts';
import type { LiveStepView } from '../store/types.ts';
import type { Scenario, Step } from '../scenario/types.ts';
import { selectLiveStates } from '../store/selectors.ts';
import { stepsInOrder } from '../canvas/build-graph.ts';
import { retryTitle, stateText, viewMeta } from '../canvas/state-meta.ts';
import { stepMarks } from '../canvas/step-marks.ts';
import { Icon } from '../canvas/icons.tsx';
import { noteRevealsFromHere } from '../canvas/reveal-memory.ts';
import { CONDITION_TEXT } from './Inspector.tsx';
import { PANELS_BELOW, whenDrawn } from '../canvas/when-drawn.ts';
import { usePrefersReducedMotion } from '../canvas/use-reduced-motion.ts';
import { beginNaming } from './naming-return.ts';

// The steps as a table: an alternative to the canvas for screen readers and keyboards,
// showing the same state (icon and words) at the current moment of the run.
const selectTable = (s: RippleState) => ({ scenario: s.scenario, selectedStepId: s.selectedStepId });

interface RowText {
  step: Step;
  /** "Create order, Refund (on fail)", or "—". */
  dependsOn: string;
  /** The configured marks in words, or "succeeds". */
  configured: string;
}

/** What each row says about the design: depends only on the scenario, not on the playhead. */
function rowTexts(scenario: Scenario): RowText[] {
  const labels = new Map(scenario.steps.map((s) => [s.id, s.label ?? s.id]));
  const depsOf = new Map<string, string[]>();
  for (const d of scenario.dependencies) {
    const text = `${labels.get(d.from) ?? d.from}${d.on && d.on !== 'success' ? ` (${CONDITION_TEXT[d.on].label})` : ''}`;
    const list = depsOf.get(d.to);
    if (list) list.push(text);
    else depsOf.set(d.to, [text]);
  }
  return stepsInOrder(scenario).map((step) => {
    const marks = stepMarks(step);
    return {
      step,
      dependsOn: depsOf.get(step.id)?.join(', ') ?? '—',
      configured: marks.length === 0 ? 'succeeds' : marks.map((m) => m.title).join('; '),
    };
  });
}

/**
 * The Table view. `onOpenGallery` / `onAddStep`: the empty table's two ways to start (the
 * editor's; without them, or read-only, it only says there are no steps).
 */
export function StepTable({ onOpenGallery, onAddStep }: { onOpenGallery?: () => void; onAddStep?: () => void } = {}) {
  const store = useRippleStore();
  const readOnly = useRipple((s) => s.readOnly);
  const { scenario, selectedStepId } = useRipple(useShallow(selectTable));
  const live = useRipple(selectLiveStates);
  const rows = useMemo(() => rowTexts(scenario), [scenario]);
  // A step picked here is brought into view when the canvas comes back (use-reveal-selection.ts),
  // also when the page opened on the table.
  useEffect(() => noteRevealsFromHere(store), [store]);
  useNameInInspector(store);
  return (
    <div className="step-table-wrap">
      <table className="step-table">
        <caption>
          {rows.length === 0 ? (
            'The scenario’s steps in dependency order, one row each.'
          ) : (
            <>
              {rows.length === 1 ? '1 step' : `${rows.length} steps`} in dependency order{live ? ', with each one’s state at the current moment of the run' : ''}. Choose a step to
              inspect it.
            </>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Request</th>
            <th scope="col">Depends on</th>
            <th scope="col">Configured</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow onOpenGallery={readOnly ? undefined : onOpenGallery} onAddStep={readOnly ? undefined : onAddStep} />
          ) : (
            rows.map((row) => <StepRow key={row.step.id} row={row} view={live?.[row.step.id] ?? null} selected={selectedStepId === row.step.id} store={store} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A step to name (a step just added: "+ Add a step", the toolbar or N; or F2 on the selected
 * step) is named in the Inspector's Name field, as the canvas names it on its node
 * (use-add-step.ts, StepNode.tsx): the field takes focus, its words selected, and on a phone,
 * where the Inspector is below the table, it is brought into view (tryout: focus fell to the page
 * and the new step's form stayed below the screen). Enter or Escape there gives focus back to the
 * step's row, brought into view (naming-return.ts). The Inspector may still be loading (a chunk
 * of its own): wait for its field, a second or two at most.
 */
function useNameInInspector(store: RippleStore): void {
  const renaming = useRipple((s) => s.renamingStepId);
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    if (renaming === null) return;
    return whenDrawn(
      () => document.getElementById('side-panel')?.querySelector<HTMLInputElement>(`form[data-step-id="${CSS.escape(renaming)}"] input[name="label"]`),
      (input) => {
        if (store.getState().renamingStepId === renaming) store.getState().stopRename();
        if (!input) return;
        input.focus({ preventScroll: true });
        if (document.activeElement === input) beginNaming(input);
        input.select();
        const below = window.matchMedia?.(PANELS_BELOW).matches ?? false;
        input.scrollIntoView?.({ block: below ? 'center' : 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
      },
    );
  }, [renaming, store, reducedMotion]);
}

/**
 * An empty scenario's table: one row under the header saying how to start, in the table's terms
 * (the canvas's card, EmptyCanvas.tsx, speaks of double-clicking and dragging, which a table has not).
 */
function EmptyRow({ onOpenGallery, onAddStep }: { onOpenGallery?: () => void; onAddStep?: () => void }) {
  const canStart = onOpenGallery !== undefined || onAddStep !== undefined;
  return (
    <tr className="step-table__empty">
      <td colSpan={5}>
        <p>
          <strong>No steps yet.</strong>
          {canStart && (
            <>
              {' '}
              {/* The key only for those who have a keyboard (.keys-hint, src/app/styles.css). */}
              Start from an example, or add a step<span className="keys-hint"> (or press <kbd>N</kbd>)</span>: each step is a row here. Choose a step’s name to set, in the
              Step tab, what it depends on and how it fails; then press Run: its dependents answer 424.
            </>
          )}
        </p>
        {canStart && (
          <div className="step-table__empty-actions">
            {onOpenGallery && (
              <button type="button" className="btn btn--primary" onClick={onOpenGallery}>
                Open an example
              </button>
            )}
            {onAddStep && (
              <button type="button" className="btn" onClick={onAddStep}>
                + Add a step
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

// Memoised: the playback store keeps a step's view object while its state is unchanged, so a
// cursor move re-renders only the rows whose state changed.
const StepRow = memo(function StepRow({ row, view, selected, store }: { row: RowText; view: LiveStepView | null; selected: boolean; store: RippleStore }) {
  const { step } = row;
  return (
    <tr aria-selected={selected} data-testid={`row-${step.id}`} data-step-id={step.id}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => store.getState().selectStep(step.id)}>
          {step.label ?? step.id}
        </button>
        <br />
        <code>{step.id}</code>
      </th>
      <td>{step.request ? <code>{step.request}</code> : '—'}</td>
      <td>{row.dependsOn}</td>
      <td>{row.configured}</td>
      <td>
        {view ? (
          <span
            className={`state-badge state-${view.state}${view.retryAt !== undefined ? ' state-retrying' : ''}`}
            title={retryTitle(view)}
          >
            <Icon name={viewMeta(view).icon} />
            {stateText(view)}
          </span>
        ) : (
          'not run'
        )}
        <LessonMark id={step.id} inline />
      </td>
    </tr>
  );
});
