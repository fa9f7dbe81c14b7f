import { loadScenarioGate } from '../scenario/gate-loader.ts';
import { restoreScenario } from './edit-check.ts';
import { record } from './history.ts';
import { DRAFT_KEY, loadDraftUnpacking, readDraft } from './persistence.ts';
import { pruneSelection } from './selection-slice.ts';
import type { RippleStore } from './types.ts';

// Two tabs of the editor share one draft (`ripple:draft:v1`). A tab that kept showing the draft
// it opened with would, at its next edit, write that older scenario over the work saved from the
// other tab since: the other tab's work is then gone once it closes (its flush on `pagehide`
// writes only what is pending). So when another tab writes the draft (the `storage` event,
// store/context.tsx), this tab takes it. Its own edits not yet written are newer: they are
// written first, and the other tab then takes them in turn. A chunk of its own: one tab, the
// usual case, never needs it.

/**
 * Shows the draft another tab has just stored in `store`'s editor, as one undo step ("draft from
 * another tab": Undo brings back what this tab showed), and says so on the status line. Nothing when this tab has a save
 * pending (it is written now instead), is read-only, or already shows that scenario, or when the
 * stored draft cannot be read (the gate refuses it). Rejects only when the gate's or the
 * unpacking's chunk cannot be loaded.
 */
export async function takeDraftFromOtherTab(store: RippleStore): Promise<void> {
  await Promise.all([loadScenarioGate(), loadDraftUnpacking()]);
  const state = store.getState();
  if (state.readOnly) return;
  state.flushAutosave();
  const saved = readDraft(DRAFT_KEY);
  const scenario = saved ? restoreScenario(saved.scenario) : null;
  // The same scenario (this tab's own save, or an echo of it) is no change.
  if (!saved || !scenario || JSON.stringify(scenario) === JSON.stringify(state.scenario)) return;
  store.setState({
    scenario,
    dirty: saved.dirty,
    history: record(state.history, { scenario: state.scenario, dirty: state.dirty }, 'draft from another tab'),
    ...pruneSelection(scenario, state),
  });
  // Said, not done silently: what was on screen changed without a press here.
  store.getState().sayNotice('info', `Another tab of Ripple saved the draft “${scenario.title}”: this tab shows it now, so your edits here build on it. Undo brings back what this tab showed.`);
  // Its "Undo brings back…" holds only until the scenario next changes (an Undo, an edit, another
  // tab's draft): then it goes (tryout: it stayed after the Undo, pointing at a greyed-out Undo).
  const said = store.getState().notice;
  const stop = store.subscribe((now, before) => {
    if (now.scenario === before.scenario) return;
    stop();
    if (now.notice === said) store.setState({ notice: null });
  });
}
