import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { StepCanvas } from '../../canvas/StepCanvas.tsx';
import { introParagraphs, type LessonBeat } from '../../scenario/lesson.ts';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { selectStepNames } from '../../store/selectors.ts';
import type { RippleState } from '../../store/types.ts';
import './presenter.css';

// Presenter mode (issue #12): for teaching in a room. Full screen (the Fullscreen API where the
// page may use it, else the whole window), large type, the canvas and one caption at a time.
// The run stays hidden until the presenter reveals it (the room predicts first); then Space or →
// moves to the next beat (or, without beats, the next event), ← back, and the beat's step is
// highlighted like a laser pointer. Escape leaves.

const NO_BEATS: LessonBeat[] = [];

const selectPresenter = (s: RippleState) => ({
  title: s.lessonActive?.title ?? s.scenario.title,
  lesson: s.lessonActive?.lesson ?? s.scenario.lesson ?? null,
  cursor: s.cursor,
  events: s.timeline.length,
  hasRun: s.timeline.length > 0,
});

export function PresenterHost() {
  const presenting = useRipple((s) => s.presenting);
  return presenting ? createPortal(<Presenter />, document.body) : null;
}

function Presenter() {
  const store = useRippleStore();
  const { title, lesson, cursor, events, hasRun } = useRipple(useShallow(selectPresenter));
  const names = useRipple(selectStepNames);
  const beats: LessonBeat[] = lesson?.beats ?? NO_BEATS;
  const [revealed, setRevealed] = useState(false);
  const [beat, setBeat] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const [theme] = useState<'light' | 'dark'>(() => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'));

  // Enter: hide any run so the room predicts first; full screen where allowed.
  useEffect(() => {
    const s = store.getState();
    s.pause();
    s.clearRun();
    s.selectStep(null);
    const el = root.current;
    el?.focus();
    if (el?.requestFullscreen && document.fullscreenEnabled) el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [store]);

  const showBeat = useCallback(
    (i: number) => {
      setBeat(i);
      const b = beats[i];
      if (!b) return;
      store.getState().seekTime(b.at);
      store.getState().selectStep(b.step ?? null);
    },
    [beats, store],
  );

  const reveal = useCallback(() => {
    const s = store.getState();
    s.runScenario();
    // A run opens the Run tab; the presenter lives under the Lessons tab, so it stays there.
    s.setPanelTab('lesson');
    s.pause();
    s.seekTime(0);
    setRevealed(true);
    if (beats.length > 0) showBeat(0);
  }, [store, beats, showBeat]);

  const forward = useCallback(() => {
    if (!revealed) return reveal();
    if (beats.length > 0) return showBeat(Math.min(beat + 1, beats.length - 1));
    store.getState().stepForward();
  }, [revealed, reveal, beats, beat, showBeat, store]);

  const back = useCallback(() => {
    if (!revealed) return;
    if (beats.length > 0) return showBeat(Math.max(beat - 1, 0));
    store.getState().stepBack();
  }, [revealed, beats, beat, showBeat, store]);

  const leave = useCallback(() => store.getState().setPresenting(false), [store]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key === ' ' || event.key === 'ArrowRight') && !(event.target instanceof HTMLButtonElement && event.key === ' ')) {
      event.preventDefault();
      forward();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      back();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    }
  };

  const current = beats[beat];
  const caption = !revealed
    ? (lesson ? introParagraphs(lesson.intro)[0] : null) ?? 'What will each step answer? Predict, then reveal the run.'
    : current
      ? `${current.step !== undefined ? `${names.get(current.step) ?? current.step}: ` : ''}${current.text}`
      : hasRun
        ? `Event ${cursor + 1} of ${events}`
        : '';

  return (
    <div ref={root} className="presenter" role="dialog" aria-modal="true" aria-label={`Presenting: ${title}`} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="presenter__bar">
        <h2 className="presenter__title">{title}</h2>
        <span className="presenter__where">{revealed ? (beats.length > 0 ? `Beat ${beat + 1} of ${beats.length}` : `Event ${cursor + 1} of ${events}`) : 'Run hidden'}</span>
        <button type="button" className="btn" onClick={back} disabled={!revealed}>
          ← Back
        </button>
        <button type="button" className="btn btn--primary" onClick={forward}>
          {revealed ? 'Next →' : 'Reveal the run'}
        </button>
        <button type="button" className="btn" onClick={leave}>
          Leave (Esc)
        </button>
      </header>
      <div className="presenter__canvas">
        <StepCanvas colorMode={theme} />
      </div>
      <p className="presenter__caption" aria-live="polite">
        {caption}
      </p>
    </div>
  );
}
