// At start-up (and when the person pastes another link into the address bar of an open tab),
// a scenario in the URL fragment goes through the gate: it opens in the editor, keeping the
// person's own draft recoverable, or a recovery screen says exactly what is wrong.
import { useEffect, useState, type ReactNode } from 'react';
import { decodeScenarioLink } from '../../scenario/index.ts';
import type { Problem } from '../../scenario/types.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { EMPTY_SCENARIO } from '../../store/editor-slice.ts';
import type { RippleState, RippleStore } from '../../store/store.ts';
import { applyLinkExtras, isAnchorFragment, linkProblem, openInStore, type LinkProblem } from './links.ts';
import { RecoveryScreen } from './RecoveryScreen.tsx';
import { useLinkSync, writeLinkToAddressBar } from './useLinkSync.ts';

export type BootOutcome =
  | { kind: 'none' }
  /** `select`: the step to select once the editor is on screen (see LinkGate). */
  | { kind: 'opened'; title: string; warnings: Problem[]; select?: string }
  | { kind: 'failed'; problem: LinkProblem };

/**
 * Opens the scenario in `href`'s fragment into `store` (see `openInStore`), or says why it
 * cannot. Never throws.
 */
export function bootFromLocation(store: RippleStore, href: string = location.href): BootOutcome {
  const at = href.indexOf('#');
  const fragment = at < 0 ? '' : href.slice(at + 1);
  if (fragment === '' || isAnchorFragment(fragment)) return { kind: 'none' };
  try {
    const decoded = decodeScenarioLink(fragment);
    if (!decoded.ok) return { kind: 'failed', problem: linkProblem(decoded.error, href) };
    const { select, ...moment } = decoded.extras;
    const opened = openInStore(store, decoded.scenario, moment, 'open link');
    if (!opened.ok) return { kind: 'failed', problem: { kind: 'invalid', message: opened.message, problems: opened.problems, raw: href } };
    return { kind: 'opened', title: decoded.scenario.title, warnings: decoded.warnings, ...(select !== undefined ? { select } : {}) };
  } catch (error) {
    // The gate never throws; this is the last guard against a blank page.
    const message = `Ripple failed while opening this link: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'failed', problem: { kind: 'corrupt', message, problems: [], raw: href } };
  }
}

// Boot once per store, even when React runs the initializer twice (StrictMode).
const booted = new WeakMap<RippleStore, BootOutcome>();

function bootOnce(store: RippleStore): BootOutcome {
  let outcome = booted.get(store);
  if (!outcome) {
    outcome = bootFromLocation(store);
    booted.set(store, outcome);
  }
  return outcome;
}

function removeFragment(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

const selectDraftTitle = (s: RippleState) => (s.scenario.steps.length > 0 ? s.scenario.title : null);

function LinkSync() {
  useLinkSync();
  return null;
}

/**
 * Wrap the editor in it, inside <RippleProvider>. Shows the recovery screen instead of the
 * editor for a bad link; otherwise renders `children` and keeps the address bar in sync.
 */
export function LinkGate({ children, initial }: { children: ReactNode; initial?: BootOutcome }) {
  const store = useRippleStore();
  const [outcome, setOutcome] = useState<BootOutcome>(() => initial ?? bootOnce(store));
  const draftTitle = useRipple(selectDraftTitle);

  useEffect(() => {
    // Our own replaceState never fires this: only a link the person pasted or followed, or an
    // in-page anchor (then the address goes back to being the scenario's link).
    const onHashChange = () => {
      if (isAnchorFragment(location.hash.slice(1))) writeLinkToAddressBar(store);
      else setOutcome(bootFromLocation(store));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [store]);

  // The linked step is selected once the canvas is mounted: React Flow loops (React error
  // #185 in its StoreUpdater) when its very first nodes arrive already selected.
  useEffect(() => {
    if (outcome.kind === 'opened' && outcome.select !== undefined) applyLinkExtras(store, { select: outcome.select });
  }, [store, outcome]);

  if (outcome.kind === 'failed') {
    return (
      <RecoveryScreen
        problem={outcome.problem}
        draftTitle={draftTitle}
        onOpenDraft={() => {
          removeFragment();
          setOutcome({ kind: 'none' });
        }}
        onStartEmpty={() => {
          store.getState().loadScenario(EMPTY_SCENARIO, { label: 'start empty' });
          removeFragment();
          setOutcome({ kind: 'none' });
        }}
      />
    );
  }
  return (
    <>
      {children}
      <LinkSync />
    </>
  );
}
