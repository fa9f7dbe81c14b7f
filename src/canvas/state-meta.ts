import { dialectLiveWord } from '../engine/dialect-words.ts';
import type { LiveState } from '../engine/types.ts';
import type { DialectName } from '../scenario/types.ts';
import type { IconName } from './icons.tsx';
import { formatMs } from '../panels/format-ms.ts';

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
  'rolled-back': { icon: 'return', text: '424 rolled back', description: 'Its atomic group failed, so the service undid it: it answers 424 Failed Dependency.' },
};

/**
 * A failed or blocked step that will try again (its view has `retryAt`, src/store/types.ts):
 * it reads as waiting, not finished (issue #8 item 9). The class `state-retrying` adds the
 * retry colour on top of the state's.
 */
export const RETRYING_META: StateMeta = {
  icon: 'retry',
  text: 'will retry',
  description: 'This attempt failed; the step will try again after its retry delay.',
};

/** The meta to draw for a view: the retrying one between attempts, else its state's. */
export function viewMeta(view: { state: LiveState; retryAt?: number }): StateMeta {
  return view.retryAt !== undefined ? RETRYING_META : STATE_META[view.state];
}

/** "Will try again at 1,200 ms" for a retrying view (a tooltip); undefined otherwise. */
export function retryTitle(view: { retryAt?: number }): string | undefined {
  if (view.retryAt === undefined) return undefined;
  return `Will try again at ${formatMs(view.retryAt)}`;
}

/** "409 failed", "503 · will retry", "running · attempt 2", "424 blocked", "200 succeeded". */
export function stateText(view: { state: LiveState; attempt: number; status: number | null; retryAt?: number }): string {
  const meta = STATE_META[view.state];
  if (view.retryAt !== undefined && (view.state === 'failed' || view.state === 'blocked')) {
    return view.status !== null ? `${view.status} · will retry` : 'will retry';
  }
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
    case 'rolled-back':
      return meta.text;
  }
}

/**
 * The state pill's words in `dialect` ("Speak as", issue #11): Ripple's own (`stateText`) for
 * `http`, else that system's word for the step at this moment (`dialectLiveWord`): "skipped",
 * "upstream_failed", "in_progress", "up_for_retry".
 */
export function dialectStateText(view: { state: LiveState; attempt: number; status: number | null; retryAt?: number }, dialect: DialectName): string {
  if (dialect === 'http') return stateText(view);
  return dialectLiveWord(dialect, view.state, { retrying: view.retryAt !== undefined });
}

/** The pill's tooltip in a dialect: Ripple's own words behind the system's ("Ripple: 424 blocked"). */
export function dialectStateTitle(view: { state: LiveState; attempt: number; status: number | null; retryAt?: number }, dialect: DialectName): string | undefined {
  const retry = retryTitle(view);
  if (dialect === 'http') return retry;
  return [`Ripple: ${stateText(view)}`, retry].filter(Boolean).join('\n');
}
