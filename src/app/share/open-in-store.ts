// Putting an opened scenario (link, file, import) into the editor. Apart from links.ts, which
// the page loads up front: only what opens something needs this (and the canonical form).
import { canonicalScenario } from '../../scenario/canonical.ts';
import type { LinkExtras } from '../../scenario/link-codec.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { EditResult } from '../../store/types.ts';
import type { RippleStore } from '../../store/store.ts';
import { withoutAutoPositions } from '../../store/auto-positions.ts';
import { applyLinkExtras } from './links.ts';

function sameScenario(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  // The canonical form keeps every step: a different count is a different scenario, told without
  // writing out a 2,000-step one twice (the usual case: a link opened over another draft).
  if (a.steps.length !== b.steps.length) return false;
  // The address bar's link leaves out positions the built-in layout gave (auto-positions.ts): the
  // draft restored on a reload still has them, and is the same scenario.
  return JSON.stringify(canonicalScenario(withoutAutoPositions(a))) === JSON.stringify(canonicalScenario(withoutAutoPositions(b)));
}

/**
 * Puts an opened scenario (link, file, import) into the editor: `loadScenario` keeps an
 * edited draft recoverable and drops the old run; then the link's extras apply. Opening what the editor already holds (a reload, where the address bar
 * followed the edits) only applies the extras, so the draft is not pushed aside.
 * `checked`: the gate has just checked this very scenario (a decoded link, boot-link.ts), so
 * `loadScenario` does not check it again (see `LoadOptions.checked`); a file or a paste leaves it out.
 */
export function openInStore(store: RippleStore, scenario: Scenario, extras: LinkExtras, label: string, checked?: true): EditResult {
  if (!sameScenario(store.getState().scenario, scenario)) {
    const loaded = store.getState().loadScenario(scenario, { label, checked });
    if (!loaded.ok) return loaded;
  }
  applyLinkExtras(store, extras);
  return { ok: true };
}
