import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { StepCanvas } from '../../canvas/StepCanvas.tsx';
import { selectCurrentSentence } from '../../panels/event-text.ts';
import { introParagraphs } from '../../scenario/lesson.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { presenterBeats } from '../../store/lesson-workings.ts';
import { selectStepNames } from '../../store/panel-selectors.ts';
import type { RippleState } from '../../store/types.ts';
import './presenter.css';

// Presenter mode (issue #12): for teaching in a room. Full screen (the Fullscreen API where the
// page may use it, else the whole window), large type, the canvas and one caption at a time.
// The run stays hidden until the presenter reveals it (the room predicts first); then Space or →
// moves to the next beat (or, without beats, the next event), ← back, and the step being talked
// about is highlighted like a laser pointer. Escape leaves. The store's lesson slice holds where
// the presenter is (presenterForward / presenterBack); this only shows it and maps the keys.

const selectPresenter = (s: RippleState) => ({
  title: s.lessonActive?.title ?? s.scenario.title,
  intro: (s.lessonActive?.lesson ?? s.scenario.lesson)?.intro ?? null,
  beats: presenterBeats(s),
  beat: s.presenterBeat,
  revealed: s.presenterRevealed,
  running: s.running,
  hasRun: s.run !== null,
  problem: s.runProblems?.[0]?.message ?? null,
  cursor: s.cursor,
  events: s.timeline.length,
});

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The presenter's overlay; mounted by PresenterHost while `presenting` is on. */
export default function Presenter({ theme }: { theme: 'light' | 'dark' }) {
  const store = useRippleStore();
  const { title, intro, beats, beat, revealed, running, hasRun, problem, cursor, events } = useRipple(useShallow(selectPresenter));
  const sentence = useRipple(selectCurrentSentence);
  const names = useRipple(selectStepNames);
  const root = useRef<HTMLDivElement>(null);

  // Focus comes in (and goes back where it was on leaving); full screen where allowed. Leaving
  // full screen with the browser's own Escape leaves presenter mode too.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = root.current;
    el?.focus();
    let wasFull = false;
    const onFullscreen = () => {
      if (document.fullscreenElement === el) wasFull = true;
      else if (wasFull) store.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    if (el && document.fullscreenEnabled) el.requestFullscreen().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      if (before?.isConnected) before.focus();
    };
  }, [store]);

  const forward = () => store.getState().presenterForward();
  const back = () => store.getState().presenterBack();
  const leave = () => store.getState().setPresenting(false);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const onButton = event.target instanceof HTMLButtonElement;
    let handled = true;
    if (event.key === 'ArrowRight' || (event.key === ' ' && !onButton)) forward();
    else if (event.key === 'ArrowLeft') back();
    else if (event.key === 'Escape') leave();
    else if (event.key === 'Tab') handled = keepTabInside(event);
    else handled = false;
    if (!handled) return;
    event.preventDefault();
    event.stopPropagation();
  };

  /** Tab and Shift+Tab go round the presenter's controls (it is a modal dialog). */
  const keepTabInside = (event: KeyboardEvent): boolean => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (items.length === 0) return true;
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (event.shiftKey && (at === first || at === root.current)) last.focus();
    else if (!event.shiftKey && at === last) first.focus();
    else return false;
    return true;
  };

  const current = beat >= 0 ? beats[beat] : undefined;
  const where = !revealed ? 'Run hidden' : running ? 'Running…' : !hasRun ? 'No run' : beats.length > 0 ? `Beat ${beat + 1} of ${beats.length}` : `Event ${cursor + 1} of ${events}`;
  let caption: string;
  if (!revealed) caption = (intro !== null ? introParagraphs(intro)[0] : undefined) ?? 'What will each step answer? Predict, then reveal the run.';
  else if (running) caption = 'The run is being made…';
  else if (!hasRun) caption = problem ?? 'There is no run to show.';
  else if (current) caption = `${current.step !== undefined ? `${names.get(current.step) ?? current.step}: ` : ''}${current.text}`;
  else caption = sentence;

  return (
    <div ref={root} className="presenter" role="dialog" aria-modal="true" aria-label={`Presenting: ${title}`} tabIndex={-1} onKeyDown={onKeyDown}>
      {/* Not a <header>: portalled to the body, that is a second banner landmark beside the app's toolbar (axe). */}
      <div className="presenter__bar">
        <h2 className="presenter__title">{title}</h2>
        <span className="presenter__where">{where}</span>
        <button type="button" className="btn" onClick={back} disabled={!revealed || !hasRun}>
          ← Back
        </button>
        <button type="button" className="btn btn--primary" onClick={forward}>
          {revealed ? 'Next →' : 'Reveal the run'}
        </button>
        <button type="button" className="btn" onClick={leave}>
          Leave<span className="keys-hint"> (Esc)</span>
        </button>
      </div>
      <div className="presenter__canvas">
        {/* Its own React Flow store: the editor's canvas keeps its viewport underneath. */}
        <ReactFlowProvider>
          <StepCanvas colorMode={theme} />
        </ReactFlowProvider>
      </div>
      <p className="presenter__caption" aria-live="polite">
        {caption}
      </p>
      {/* Keys only for those who have them: left out on a touch screen (.keys-hint, src/app/styles.css). */}
      <p className="presenter__keys keys-hint">Space or → next · ← back · Esc leaves</p>
    </div>
  );
}
