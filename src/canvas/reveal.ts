// Bringing a step selected from outside the canvas into view (the Why links, the step table, the
// Gantt labels). Above VISIBLE_ONLY_ABOVE steps React Flow draws only the steps in view, so a
// step off screen is not there at all: selecting it from a panel showed nothing on the canvas.

/** A rectangle in flow coordinates (a step's box). */
export interface FlowBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** React Flow's viewport: the flow point (0, 0) is drawn at (x, y) px, at `zoom`. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Room left around what is brought into view (px), so it does not touch the canvas's edge. */
const MARGIN = 40;

/**
 * The viewport that brings `target` into a canvas of `view` px, or null when it is already drawn
 * wholly inside it (then the view stays). The zoom stays, and the move centres what is shown:
 * the box of `path` (the highlighted dependency path, `target` among it) when it fits the canvas
 * at the present zoom, or once zoomed out no further than `minZoom` (a readable zoom); otherwise
 * `target` alone at the present zoom. It never zooms in.
 *
 * @example
 * revealViewport({ x: 0, y: 3000, width: 200, height: 76 }, [], { x: 0, y: 0, zoom: 1 }, { width: 1000, height: 600 }, 0.6)
 * // → { x: 400, y: -2738, zoom: 1 }: the step in the middle, at the same zoom
 */
export function revealViewport(target: FlowBox, path: readonly FlowBox[], viewport: Viewport, view: { width: number; height: number }, minZoom: number): Viewport | null {
  if (view.width <= 0 || view.height <= 0) return null;
  const { x, y, zoom } = viewport;
  const left = target.x * zoom + x;
  const top = target.y * zoom + y;
  if (left >= 0 && top >= 0 && left + target.width * zoom <= view.width && top + target.height * zoom <= view.height) return null;
  const box = boundsOf([target, ...path]);
  const room = { width: Math.max(1, view.width - 2 * MARGIN), height: Math.max(1, view.height - 2 * MARGIN) };
  const fitting = Math.min(room.width / box.width, room.height / box.height);
  if (fitting >= Math.min(zoom, minZoom)) return centred(box, Math.min(zoom, fitting), view);
  return centred(target, zoom, view);
}

function boundsOf(boxes: readonly FlowBox[]): FlowBox {
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function centred(box: FlowBox, zoom: number, view: { width: number; height: number }): Viewport {
  return { x: view.width / 2 - (box.x + box.width / 2) * zoom, y: view.height / 2 - (box.y + box.height / 2) * zoom, zoom };
}
