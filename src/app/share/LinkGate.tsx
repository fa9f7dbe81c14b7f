// At start-up (and when the person pastes another link into the address bar of an open tab),
// a scenario in the URL fragment goes through the gate: it opens in the editor, keeping the
// person's own draft recoverable, or a recovery screen says exactly what is wrong. The link
// codec (with fflate) is a chunk of its own, loaded only when the fragment holds a link.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { EMPTY_SCENARIO } from '../../store/editor-slice.ts';
import type { RippleState, RippleStore } from '../../store/store.ts';
import type { BootOutcome } from './boot-link.ts';
import type { RecoveryScreenProps } from './RecoveryScreen.tsx';
import { crashProblem, isAnchorFragment, linkFragment, OFF_THREAD_LINK_CHARS } from './links.ts';
import { useLinkSync, writeLinkToAddressBar } from './useLinkSync.ts';
import { noteLinkShown, takeStaleLink } from './stale-link.ts';
import { readPrefs, writePrefs } from '../../store/persistence.ts';
import { textsOnDemand } from '../../worker/texts-on-demand.ts';
import type { TextsOffThread } from '../../worker/texts-off-thread.ts';
import type { DecodeResult } from '../../scenario/link-codec.ts';

export type { BootOutcome } from './boot-link.ts';

/** While the link codec loads: a moment, but never a blank page. */
type GateState = BootOutcome | { kind: 'opening'; href: string };

// Only a bad link needs it; it is loaded with the outcome that shows it (see openLink).
const loadRecoveryScreen = () => import('./RecoveryScreen.tsx').then((m) => ({ default: m.RecoveryScreen }));
const RecoveryScreen = lazy(() => loadRecoveryScreen().catch(() => ({ default: PlainRecoveryScreen })));

/** When even the recovery screen cannot load (offline after a deploy): the message and a way back. */
function PlainRecoveryScreen({ problem, onOpenDraft }: RecoveryScreenProps) {
  return (
    <main className="recovery">
      <div className="recovery__card">
        <h1>This link could not be opened</h1>
        <p>{problem.message}</p>
        <button type="button" onClick={onOpenDraft}>
          Open your last draft
        </button>
      </div>
    </main>
  );
}

/** A link's decoding started in the text worker as the page loads (`decodeLinkEarly`), for the first `openLink` of it. */
let early: { fragment: string; decoded: Promise<DecodeResult> } | null = null;

/**
 * Starts decoding `href`'s link in the text worker now, when it is long enough to be decoded
 * there (OFF_THREAD_LINK_CHARS). Called by src/app/main.tsx before the first render, so that
 * the worker's start, its chunk and the decoding of a 2,000-step link overlap the page's own
 * start-up instead of following it (issue #15: the first canvas). A failed decode is answered by
 * the page, as in `openLink`. Does nothing without a `Worker` or a link.
 */
export function decodeLinkEarly(href: string): void {
  const fragment = linkFragment(href);
  if (fragment === null || fragment.length < OFF_THREAD_LINK_CHARS) return;
  const texts = textsOnDemand();
  if (!texts) return;
  const decoded = texts.openLink(fragment);
  // Taken by openLink, which handles a rejection; until then it must not count as unhandled.
  decoded.catch(() => undefined);
  early = { fragment, decoded };
}

/** The early decoding of `fragment`, once (a link opened again later is decoded afresh), else a new one. */
function decodeInWorker(texts: TextsOffThread, fragment: string): Promise<DecodeResult> {
  const started = early;
  early = null;
  return started?.fragment === fragment ? started.decoded : texts.openLink(fragment);
}

/**
 * Loads the codec (a chunk of its own, kept out of the main bundle) and opens `href`'s link
 * into `store`. Never rejects: a chunk that fails to load is shown like any broken link.
 */
async function openLink(store: RippleStore, href: string): Promise<BootOutcome> {
  let outcome: BootOutcome;
  try {
    const { bootFromLocation, bootFromLocationOffThread } = await import('./boot-link.ts');
    // Decoded in the text worker where there is one (a 2,000-step link keeps a thread busy for long: issue #9 item 3).
    const texts = textsOnDemand();
    outcome = texts ? await bootFromLocationOffThread(store, href, (fragment) => decodeInWorker(texts, fragment)) : bootFromLocation(store, href);
  } catch (error) {
    outcome = { kind: 'failed', problem: crashProblem(error, href) };
  }
  // Load the screen before showing the outcome, so "Opening link…" is followed by the screen itself.
  if (outcome.kind === 'failed') await loadRecoveryScreen().catch(() => undefined);
  return outcome;
}

function Opening() {
  return (
    <main className="recovery" aria-busy="true">
      <div className="recovery__card">
        <p role="status">Opening link…</p>
      </div>
    </main>
  );
}

// Open each link once, even when React runs effects twice (StrictMode).
const opening = new WeakMap<object, Promise<BootOutcome>>();

function openOnce(state: { href: string }, store: RippleStore): Promise<BootOutcome> {
  let outcome = opening.get(state);
  if (!outcome) {
    outcome = openLink(store, state.href);
    opening.set(state, outcome);
  }
  return outcome;
}

function initialState(): GateState {
  if (linkFragment(location.href) === null) return { kind: 'none' };
  if (takeStaleLink(location.hash)) {
    // Reloaded before the address bar caught up: the restored draft is the newer scenario. With
    // the fragment gone, the link sync writes the draft's link as for any page without one.
    removeFragment();
    return { kind: 'none' };
  }
  return { kind: 'opening', href: location.href };
}

/**
 * The person chose what to open on the recovery screen: the editor that follows must show it,
 * not the first visit's gallery over it (a visitor who only ever came by links has not seen the
 * gallery, and with the fragment gone the editor would take the page for a first visit).
 */
function chosenOverGallery(): void {
  const prefs = readPrefs();
  if (!prefs.seenGallery) writePrefs({ ...prefs, seenGallery: true });
}

function removeFragment(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

const selectDraftTitle = (s: RippleState) => (s.scenario.steps.length > 0 ? s.scenario.title : null);
const selectDraftEdited = (s: RippleState) => s.dirty;

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
  const [outcome, setOutcome] = useState<GateState>(() => initial ?? initialState());
  const draftTitle = useRipple(selectDraftTitle);
  const draftEdited = useRipple(selectDraftEdited);
  // Only the latest link opened counts, should two be pasted while the codec loads.
  const latest = useRef<string | null>(null);

  useEffect(() => {
    if (outcome.kind !== 'opening') return;
    latest.current = outcome.href;
    const href = outcome.href;
    void openOnce(outcome, store).then((result) => {
      if (latest.current !== href) return;
      // The address bar now shows this scenario's link (stale-link.ts: a reload that comes back
      // to it after a newer link was written opens the newer draft instead).
      if (result.kind !== 'failed') noteLinkShown(new URL(href).hash);
      setOutcome(result);
    });
  }, [store, outcome]);

  useEffect(() => {
    // Our own replaceState never fires this: only a link the person pasted or followed, or an
    // in-page anchor (then the address goes back to being the scenario's link).
    const onHashChange = () => {
      if (isAnchorFragment(location.hash.slice(1))) void writeLinkToAddressBar(store);
      else if (linkFragment(location.href) === null) setOutcome({ kind: 'none' });
      else setOutcome({ kind: 'opening', href: location.href });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [store]);

  if (outcome.kind === 'opening') return <Opening />;
  if (outcome.kind === 'failed') {
    return (
      <Suspense fallback={<Opening />}>
        <RecoveryScreen
          problem={outcome.problem}
          draftTitle={draftTitle}
          draftEdited={draftEdited}
          onOpenDraft={() => {
            chosenOverGallery();
            removeFragment();
            setOutcome({ kind: 'none' });
          }}
          onStartEmpty={() => {
            chosenOverGallery();
            store.getState().loadScenario(EMPTY_SCENARIO, { label: 'start empty' });
            removeFragment();
            setOutcome({ kind: 'none' });
          }}
        />
      </Suspense>
    );
  }
  return (
    <>
      {children}
      <LinkSync />
    </>
  );
}
