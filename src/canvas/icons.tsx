// The app's marks as inline SVG. Symbol characters (⏱ ↻ ⚠ …) depend on the fonts a machine
// has: a Linux desktop without an emoji font draws ⏱ as a missing-glyph box. These paths draw
// the same everywhere, in the surrounding text's colour and size (1em, currentColor).

/** Every mark the app draws, by what it means. */
export type IconName =
  | 'pending'
  | 'running'
  | 'check'
  | 'cross'
  | 'blocked'
  | 'skip'
  | 'cancelled'
  | 'rotate-back'
  | 'return'
  | 'warning'
  | 'retry'
  | 'timeout'
  | 'undo'
  | 'undo-fails'
  | 'redo'
  | 'not-equal'
  | 'play'
  | 'keep'
  | 'menu'
  | 'plus'
  | 'tidy'
  | 'table'
  | 'theme'
  | 'external'
  | 'import-export'
  | 'caret'
  | 'more';

// Drawn on a 16 × 16 grid with a 1.6 stroke; `fill` parts are solid.
const PATHS: Readonly<Record<IconName, { stroke?: string; fill?: string; circle?: readonly [number, number, number] }>> = {
  pending: { circle: [8, 8, 5.5] },
  running: { circle: [8, 8, 5.5], fill: 'M8 2.5a5.5 5.5 0 0 0 0 11z' },
  check: { stroke: 'M3 8.5l3.2 3.2L13 4.5' },
  cross: { stroke: 'M4 4l8 8M12 4l-8 8' },
  blocked: { circle: [8, 8, 5.5], stroke: 'M4.1 11.9l7.8-7.8' },
  skip: { stroke: 'M2.5 11.5a5.5 5.5 0 0 1 10-3.2M13 4.5v4h-4' },
  cancelled: { circle: [8, 8, 5.5], stroke: 'M5 8h6' },
  'rotate-back': { stroke: 'M3 3v3.8h3.8M3.4 6.6A5.2 5.2 0 1 1 3 9.5' },
  return: { stroke: 'M6 3.5L2.8 6.7 6 9.9M3 6.7h6.5a3.3 3.3 0 0 1 0 6.6H7' },
  warning: { stroke: 'M8 2.2l6.3 11.3H1.7zM8 6.5v3.2M8 11.7v.1' },
  retry: { stroke: 'M13 3v3.8H9.2M12.6 6.6A5.2 5.2 0 1 0 13 9.5' },
  timeout: { circle: [8, 9.2, 5], stroke: 'M8 9.2V6.6M6.3 1.8h3.4M8 1.8v2.4M12.3 4.4l.9-.9' },
  undo: { stroke: 'M5.8 3L2.8 6l3 3M3 6h6.7a3.4 3.4 0 0 1 0 6.8H6' },
  // The undo arrow, lower and smaller, with a cross above its curve: a compensation that fails
  // (told from "undo" by its shape too, where colour alone would not do).
  'undo-fails': { stroke: 'M5.3 5L2.3 8l3 3M2.5 8h6.4a3 3 0 0 1 0 6H5.5M10 1.6l3.6 3.6M13.6 1.6L10 5.2' },
  redo: { stroke: 'M10.2 3l3 3-3 3M13 6H6.3a3.4 3.4 0 0 0 0 6.8H10' },
  'not-equal': { stroke: 'M3 6.2h10M3 9.8h10M10.5 2.8l-5 10.4' },
  play: { fill: 'M4.5 2.8v10.4L13 8z' },
  keep: { stroke: 'M2.5 8h8M7.5 5l3 3-3 3M13.2 3.5v9' },
  menu: { stroke: 'M2.5 4h11M2.5 8h11M2.5 12h11' },
  plus: { stroke: 'M8 3v10M3 8h10' },
  tidy: { stroke: 'M2 4h8M2 8h8M2 12h8M8 2.2L10.2 4 8 5.8M8 6.2L10.2 8 8 9.8M8 10.2l2.2 1.8L8 13.8M13.5 2.5v11' },
  table: { stroke: 'M2.5 2.5h11v11h-11zM2.5 6h11M2.5 9.5h11M6.5 6v7.5' },
  theme: { circle: [8, 8, 5.5], fill: 'M8 2.5a5.5 5.5 0 0 1 0 11z' },
  external: { stroke: 'M6.5 3.5h-3v9h9v-3M9 3h4v4M13 3L7.5 8.5' },
  'import-export': { stroke: 'M5 13V3M2.5 5.5L5 3l2.5 2.5M11 3v10M8.5 10.5L11 13l2.5-2.5' },
  caret: { fill: 'M4 6h8l-4 5z' },
  more: { fill: 'M2.2 8a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0zM6.6 8a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0zM11 8a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0z' },
};

/**
 * One mark, decorative (aria-hidden): the words beside it or the element's label carry the
 * meaning. `<Icon name="timeout" />` → a 1em stopwatch in the current text colour.
 */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  const { stroke, fill, circle } = PATHS[name];
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      data-icon={name}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      {circle && <circle cx={circle[0]} cy={circle[1]} r={circle[2]} fill="none" stroke="currentColor" strokeWidth={1.6} />}
      {fill && <path d={fill} fill="currentColor" />}
      {stroke && <path d={stroke} fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}
