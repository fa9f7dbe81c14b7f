import type { LiveState } from '../engine/types.ts';

// How each step state reads: an icon and words, never colour alone. The CSS class
// `state-<state>` (src/app/styles.css) adds the colour. Playback panels reuse this table.
export interface StateMeta {
  /** A text glyph that survives without colour (and in high-contrast modes). */
  icon: string;
  /** Short words for the node and the table: "424 blocked". */
  text: string;
  /** One plain sentence for screen readers and tooltips. */
  description: string;
}

// U+FE0E asks for the text (not emoji) form, so the glyph takes the state's colour.
export const STATE_META: Readonly<Record<LiveState, StateMeta>> = {
  pending: { icon: '○', text: 'pending', description: 'Not started yet.' },
  running: { icon: '◐', text: 'running', description: 'An attempt is in progress.' },
  succeeded: { icon: '✓', text: 'succeeded', description: 'Answered 200 OK.' },
  failed: { icon: '✕', text: 'failed', description: 'Its own request failed: a root failure.' },
  blocked: { icon: '⊘', text: '424 blocked', description: 'Not performed: a step it depends on failed, so it answers 424 Failed Dependency.' },
  skipped: { icon: '↷', text: 'skipped', description: 'Not needed: its condition did not apply.' },
  cancelled: { icon: '⊖', text: 'cancelled', description: 'Cancelled by the abort policy before it started.' },
  compensating: { icon: '↺', text: 'compensating', description: 'Its compensation handler is undoing it.' },
  compensated: { icon: '↩', text: 'compensated', description: 'Undone by its compensation handler.' },
  'compensation-failed': { icon: '⚠\uFE0E', text: 'compensation failed', description: 'Its compensation handler failed: left in a partial state.' },
};

/** "409 failed", "running · attempt 2", "424 blocked", "200 succeeded". */
export function stateText(view: { state: LiveState; attempt: number; status: number | null }): string {
  const meta = STATE_META[view.state];
  switch (view.state) {
    case 'running':
      return view.attempt > 1 ? `running · attempt ${view.attempt}` : 'running';
    case 'failed':
      return view.status !== null ? `${view.status} failed` : 'failed';
    case 'succeeded':
      return view.status !== null ? `${view.status} succeeded` : 'succeeded';
    case 'pending':
    case 'blocked':
    case 'skipped':
    case 'cancelled':
    case 'compensating':
    case 'compensated':
    case 'compensation-failed':
      return meta.text;
  }
}
