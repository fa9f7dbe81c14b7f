// The marks on both canvases for the steps that differ. The canvas is the editor's StepCanvas,
// unchanged; the marks are a style sheet scoped to the comparison that outlines those steps'
// nodes (React Flow puts the step id in each node's `data-id`). Ids are user text: each is
// escaped with CSS.escape, so no id can end the selector or the sheet.

/** The CSS that marks nodes `ids` inside `.compare-side` (empty for no ids). */
export function diffMarksCss(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const selectors = ids.map((id) => `.compare-side .react-flow__node[data-id="${CSS.escape(id)}"]`);
  return `${selectors.join(',\n')} { outline: 3px dashed var(--warning); outline-offset: 4px; border-radius: 10px; }\n${selectors
    .map((s) => `${s}::after`)
    .join(',\n')} { content: "≠"; position: absolute; top: -14px; right: -10px; font: 700 13px/18px system-ui, sans-serif; width: 18px; height: 18px; text-align: center; border-radius: 50%; background: var(--warning); color: var(--bg); }`;
}
