// A naming that the Table view started in the Inspector's Name field (a step just added: "+ Add
// a step", the toolbar or N; or F2 on the selected step), and its end back at the step's row.
import { PANELS_BELOW } from '../canvas/when-drawn.ts';

const startedElsewhere = new WeakSet<HTMLInputElement>();

/**
 * Marks the Name field `input` (which has just taken focus) as naming a step for the table,
 * until it loses focus: Enter or Escape in it then gives focus back (`endNaming`,
 * `returnToStep`); Tab moves on to the next field as usual and ends the naming.
 */
export function beginNaming(input: HTMLInputElement): void {
  startedElsewhere.add(input);
  input.addEventListener('blur', () => startedElsewhere.delete(input), { once: true });
}

/**
 * Ends the naming in `input` on Enter (committed) or Escape (the field back to the stored name):
 * true when the table started it, and so focus goes back to the step's row (`returnToStep`).
 *
 * Only then, not always: a naming started by adding a step or by F2 is a short trip away from
 * the table, and Enter or Escape ends it where it began, as the canvas's naming on the node does
 * (StepNode.tsx), ready for the next N, F2 or Tab along the rows. Someone who came to the Name
 * field by Tab or a click is filling in the form, as in every other field of the Inspector,
 * where Enter commits and focus stays: sent back to the table they would Tab all the way back to
 * reach Request.
 */
export function endNaming(input: HTMLInputElement): boolean {
  return startedElsewhere.delete(input);
}

/**
 * Gives focus to step `id`'s name in its Table view row, brought into view (on a phone the table
 * is above the Inspector, the row often above the screen). On the next frame, after the field has
 * drawn the committed (or reverted) name, and only if focus is still in `from` (or nowhere):
 * something that took it meanwhile keeps it. Only the table starts a naming in the Inspector: the
 * canvas names a step on its node and gives focus back to the node itself (StepNode.tsx).
 */
export function returnToStep(id: string, from: HTMLElement): void {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== from && now !== null && now !== document.body) return;
    const row = document.querySelector<HTMLElement>(`.step-table tr[data-step-id="${CSS.escape(id)}"] th button`);
    if (!row) return;
    row.focus({ preventScroll: true });
    const below = window.matchMedia?.(PANELS_BELOW).matches ?? false;
    const smooth = !(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
    row.scrollIntoView?.({ block: below ? 'center' : 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  });
}
