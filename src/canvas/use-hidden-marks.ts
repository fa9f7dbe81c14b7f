import { useLayoutEffect, useState, type RefObject } from 'react';
import type { StepMark } from './step-marks.ts';
import type { HiddenMarks } from './hidden-marks.ts';
import { lazyPart } from './lazy-part.ts';

export type { HiddenMarks } from './hidden-marks.ts';

const measurer = lazyPart(() => import('./hidden-marks.ts').then((m) => m.measureHiddenMarks));

/**
 * The marks of a node's marks row (`.step-node__marks`: one 18 px line, at most 100 px beside
 * the request) that do not fit it. The node leaves them out and ends the row with "+N", whose
 * tooltip names them (tryout: a mark that did not fit gave no hint; its words were only in the
 * node's accessible name). Measured after each layout of the row until it settles
 * (hidden-marks.ts, loaded with the first row of two marks or more; until then every mark is
 * drawn, those that do not fit clipped as before). A row of fewer than two is not measured.
 *
 * `marks`: the row's marks, the same array until they change (then all are tried again).
 * Returns `{ hidden: [], wide: false }` when all fit (and in jsdom, which lays nothing out).
 */
export function useHiddenMarks(row: RefObject<HTMLElement | null>, marks: readonly StepMark[]): HiddenMarks {
  const measure = measurer.use(marks.length >= 2);
  const [measured, setMeasured] = useState<HiddenMarks & { of: readonly StepMark[] }>({ of: marks, ...NOTHING_HIDDEN });
  const shown = measured.of === marks ? measured : NOTHING_HIDDEN;
  useLayoutEffect(() => {
    const el = row.current;
    if (!el || !measure || marks.length < 2) return;
    const next = measure(el, marks, shown);
    if (next) setMeasured({ of: marks, ...next });
  }, [row, measure, marks, shown]);
  return shown;
}

const NOTHING_HIDDEN: HiddenMarks = { hidden: [], wide: false };
