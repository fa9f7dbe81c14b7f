/** Px of air kept between a note laid over the canvas and the steps fitted below it: room for the
 * pills that sit on a step's top border ("when", "finally"), about 10 px above it (tryout). */
const AIR = 24;

/**
 * How much of `canvas`'s top (px) is covered by notes laid over it: elements marked
 * `data-covers-canvas` (the import notes, src/app/share/ShareMenu.tsx) that overlap the canvas
 * and start in its upper half, up to half its height, plus some air; 0 when none. A new
 * picture is fitted below them (StepCanvas), so the graph a person just opened is not hidden
 * under its own notes (tryout: four GitHub notes covered all three jobs).
 */
export function coveredTop(canvas: Element): number {
  const box = canvas.getBoundingClientRect();
  let covered = 0;
  for (const note of document.querySelectorAll('[data-covers-canvas]')) {
    const r = note.getBoundingClientRect();
    if (r.height === 0 || r.right <= box.left || r.left >= box.right || r.top >= box.top + box.height / 2) continue;
    covered = Math.max(covered, r.bottom - box.top);
  }
  return covered > 0 ? Math.ceil(Math.min(covered, box.height / 2)) + AIR : 0;
}
