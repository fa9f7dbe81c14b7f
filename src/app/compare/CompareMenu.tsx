import { useId, useMemo } from 'react';
import { checkVariants, type CheckedVariant } from '../../engine/compare.ts';
import { validate } from '../../engine/index.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { Dialog } from '../Dialog.tsx';
import { describeVariant, sameAsAText } from './variant-text.ts';
import './compare-menu.css';

/**
 * "Compare with…": the one-click what-ifs of the scenario (src/engine/compare.ts `variants`)
 * or an edited copy, each with a line on what it changes (its button's description, so a
 * screen reader hears it too). Choosing one opens compare mode. Each what-if is run once when
 * the menu opens (`checkVariants`, memoised per scenario; skipped for big scenarios): one that
 * would run exactly like A says so first, with the reason, and is listed after the others,
 * dimmed but still pressable.
 */
export default function CompareMenu({ onClose }: { onClose: () => void }) {
  const store = useRippleStore();
  const scenario = useRipple((s) => s.scenario);
  const problems = useRipple((s) => s.compareProblems);
  const descId = useId();
  const offered = useMemo((): { ok: true; list: (CheckedVariant & { description: string })[] } | { ok: false; message: string } => {
    const checked = validate(scenario);
    if (!checked.ok) return { ok: false, message: `The scenario is not valid yet (${checked.problems[0].path}: ${checked.problems[0].message}).` };
    if (checked.scenario.steps.length === 0) return { ok: false, message: 'Add a step first: there is nothing to compare yet.' };
    const a = checked.scenario;
    const checkedVariants = checkVariants(a).map((v) => ({ ...v, description: describeVariant(a, v, { effects: v.sameAsA !== true }) }));
    // The ones that change something first (each group in the engine's order).
    return { ok: true, list: [...checkedVariants.filter((v) => v.sameAsA !== true), ...checkedVariants.filter((v) => v.sameAsA === true)] };
  }, [scenario]);

  const open = (b: Parameters<ReturnType<typeof store.getState>['openCompare']>[0], options: Parameters<ReturnType<typeof store.getState>['openCompare']>[1]) => {
    if (store.getState().openCompare(b, options)) onClose();
  };

  return (
    <Dialog title="Compare with…" description="Run the scenario (A) beside a variant of it (B), on one shared playhead." onClose={onClose}>
      {!offered.ok ? (
        <p role="alert">{offered.message}</p>
      ) : (
        <ul className="compare-menu" aria-label="Variants">
          {offered.list.map((v) => (
            <li key={v.id} className={v.sameAsA ? 'compare-menu__choice compare-menu__choice--same' : 'compare-menu__choice'}>
              <button
                type="button"
                className="btn compare-menu__item"
                data-variant={v.id}
                data-same-as-a={v.sameAsA ? 'true' : undefined}
                aria-describedby={`${descId}-${v.id}`}
                onClick={() => open(v.scenario, { label: v.label, replay: v.replay })}
              >
                {v.label}
              </button>
              <p className="compare-menu__desc" id={`${descId}-${v.id}`}>
                {v.sameAsA && (
                  <>
                    <strong className="compare-menu__same">{sameAsAText(v.sameReason)}</strong>{' '}
                  </>
                )}
                {v.description}
              </p>
            </li>
          ))}
          <li className="compare-menu__choice">
            <button
              type="button"
              className="btn compare-menu__item"
              data-variant="edit-copy"
              aria-describedby={`${descId}-edit-copy`}
              onClick={() => open(scenario, { label: 'Edited copy', editable: true })}
            >
              Edit a copy (B)…
            </button>
            <p className="compare-menu__desc" id={`${descId}-edit-copy`}>
              B starts as a copy of A: change its steps or policy yourself, then run both again.
            </p>
          </li>
        </ul>
      )}
      {problems && (
        <ul className="compare__problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
