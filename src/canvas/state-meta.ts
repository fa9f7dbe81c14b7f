import type { LiveState } from '../engine/types.ts';
import type { IconName } from './icons.tsx';

// How each step state reads: an icon and words, never colour alone. The CSS class
// `state-<state>` (src/app/styles.css) adds the colour. Playback panels reuse this table.
export interface StateMeta {
  /** A mark that survives without colour (and in high-contrast modes): draw it with `<Icon>`. */
  icon: IconName;
  /** Short words for the node and the table: "424 blocked". */
  text: string;
  /** One plain sentence for screen readers and tooltips. */
  description: string;
}

export const STATE_META: Readonly<Record<LiveState, StateMeta>> = {
  pending: { icon: 'pending', text: 'pending', description: 'Not started yet.' },
  running: { icon: 'running', text: 'running', description: 'An attempt is in progress.' },
  succeeded: { icon: 'check', text: 'succeeded', description: 'Answered 200 OK.' },
  failed: { icon: 'cross', text: 'failed', description: 'Its own request failed: a root failure.' },
  blocked: { icon: 'blocked', text: '424 blocked', description: 'Not performed: a step it depends on failed, so it answers 424 Failed Dependency.' },
  skipped: { icon: 'skip', text: 'skipped', description: 'Not needed: its condition did not apply.' },
  cancelled: { icon: 'cancelled', text: 'cancelled', description: 'Cancelled by the abort policy before it started.' },
  compensating: { icon: 'rotate-back', text: 'compensating', description: 'Its compensation handler is undoing it.' },
  compensated: { icon: 'return', text: 'compensated', description: 'Undone by its compensation handler.' },
  'compensation-failed': { icon: 'warning', text: 'compensation failed', description: 'Its compensation handler failed: left in a partial state.' },
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
