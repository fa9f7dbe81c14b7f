import type { StepMark } from './step-marks.ts';

// The measuring half of use-hidden-marks.ts: a chunk of its own, loaded with the first node
// that has two marks or more (the first load's JS stays within its budget, issue #15).

/** Marks that never give way (styles.css: the failure's status and the retry count stay whole). */
const KEPT: ReadonlySet<string> = new Set<StepMark['kind']>(['fail', 'retry']);

/** What a marks row leaves out: the marks in the row's order, and whether the row takes some of the request's room. */
export interface HiddenMarks {
  hidden: StepMark[];
  /** The row takes some of the request's room, so "+N" fits beside marks that never give way. */
  wide: boolean;
}

/**
 * One pass over a marks row (`.step-node__marks`) as laid out now, showing `marks` less those
 * `was` left out: the next `HiddenMarks`, or null when the row has settled. A mark that wrapped
 * onto the row's clipped second line (by `offsetTop`, which the canvas zoom does not change)
 * is left out; then, should "+N" itself have wrapped, the last mark that may give way, and when
 * none is left, the row turns `wide`. Each pass leaves out one more mark or widens the row, so
 * a row settles within a few passes.
 */
export function measureHiddenMarks(row: HTMLElement, marks: readonly StepMark[], was: HiddenMarks): HiddenMarks | null {
  const shown = [...row.querySelectorAll<HTMLElement>(':scope > .chip[data-mark]:not([data-mark="more"])')];
  if (shown.length === 0) return null;
  const firstLine = Math.min(...shown.map((c) => c.offsetTop));
  const wrapped = (c: HTMLElement) => c.offsetTop > firstLine + 1;
  const out = new Set(shown.filter(wrapped).map((c) => c.dataset.mark));
  const more = row.querySelector<HTMLElement>(':scope > [data-mark="more"]');
  let widen = false;
  if (out.size === 0 && more && wrapped(more)) {
    const last = shown.map((c) => c.dataset.mark!).findLast((kind) => !KEPT.has(kind));
    if (last) out.add(last);
    else widen = !was.wide;
  }
  if (out.size === 0 && !widen) return null;
  return { hidden: marks.filter((m) => was.hidden.includes(m) || out.has(m.kind)), wide: was.wide || widen };
}
