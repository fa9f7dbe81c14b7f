import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useRipple } from '../store/context.tsx';
import type { TimelineEvent } from '../store/types.ts';
import { isFailureEvent } from '../store/run-slice.ts';
import type { RippleState } from '../store/store.ts';
import { selectCurrentSentence, selectEventSentences, type EventSentences } from './event-text.ts';
import './playback.css';

// The event log: one plain sentence per event, synced to the cursor (the current entry is
// highlighted and kept in view); clicking an entry moves the cursor there. A polite live
// region reads the current event aloud during playback.
//
// A long run has ~1,000 entries and the cursor moves many times a second while playing, so
// the entries are rendered once per run and the cursor only moves the highlight (two DOM
// nodes), never re-rendering the list. A run at its work budget has tens of thousands: past
// WINDOW_FROM entries the list is windowed (issue #9 item 3). Rows then have one fixed height,
// only those in view (and a few around) are in the DOM, two spacers stand in for the rest, and each row keeps its place for screen readers (aria-posinset / aria-setsize).

/** Fast playback would flood a screen reader: at most one announcement per this many ms. */
const ANNOUNCE_EVERY_MS = 1200;

/** Logs with at least this many entries are windowed. */
export const WINDOW_FROM = 400;
/** Height of one windowed row in px (playback.css `.pb-log-windowed`). */
export const LOG_ROW_HEIGHT = 24;
/**
 * Rows rendered above and below the visible ones: enough for a wheel notch (about 100 px) to
 * land on drawn rows. Few, because at 4× a large run moves the cursor dozens of entries a frame
 * and each frame then draws the whole window anew (issue #15: 48 rows a frame with 20 here).
 */
const OVERSCAN = 6;
/** The list's height before layout has measured it (jsdom, a hidden panel). */
const FALLBACK_VIEW_PX = 480;

const selectTimeline = (s: RippleState) => s.timeline;

interface EntriesProps {
  /** Worded on demand: only the rows drawn cost a sentence. */
  sentences: EventSentences;
  timeline: TimelineEvent[];
  onPick: (index: number) => void;
  /** Rows [from, to) are rendered; `setSize` set on each when windowed. */
  from: number;
  to: number;
  setSize?: number;
}

const Entries = memo(function Entries({ sentences, timeline, onPick, from, to, setSize }: EntriesProps) {
  const rows = [];
  for (let index = from; index < to; index++) {
    const text = sentences.at(index);
    const entry = timeline[index];
    const replay = (entry?.segment ?? 0) > 0;
    const failure = entry ? isFailureEvent(entry.event) : false;
    // A failure another attempt follows is not the end of the step (issue #8 item 9).
    const retry = failure && entry?.event.willRetry === true;
    rows.push(
      <li
        key={index}
        className={`pb-log-entry${replay ? ' pb-log-replay' : ''}${failure ? (retry ? ' pb-log-retry' : ' pb-log-failure') : ''}`}
        data-index={index}
        aria-posinset={setSize === undefined ? undefined : index + 1}
        aria-setsize={setSize}
      >
        <button type="button" onClick={() => onPick(index)} title={setSize === undefined ? undefined : text}>
          {replay && <span className="pb-badge pb-badge-replay">Replay</span>}
          {retry && <span className="pb-badge pb-badge-retry">Will retry</span>}
          {text}
        </button>
      </li>,
    );
  }
  return <>{rows}</>;
});

/**
 * Stands in for `rows` rows that are not drawn. An element, not the list's padding: the list
 * is size-contained, so its content never makes it taller, while padding would.
 */
function Spacer({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return <li role="none" aria-hidden="true" className="pb-log-spacer" style={{ height: rows * LOG_ROW_HEIGHT }} />;
}

/** The scroll position (px) that shows row `index` in a list at `top` showing `viewPx` px: `top` itself when the row is in view. */
function followTop(top: number, viewPx: number, index: number): number {
  const rowTop = index * LOG_ROW_HEIGHT;
  if (rowTop < top) return rowTop;
  if (rowTop + LOG_ROW_HEIGHT > top + viewPx) return Math.max(0, rowTop + LOG_ROW_HEIGHT - viewPx);
  return top;
}

/** The rows [from, to) to render for a list scrolled to `scrollTop` showing `viewPx` px. */
export function logWindow(count: number, scrollTop: number, viewPx: number): { from: number; to: number } {
  if (count < WINDOW_FROM) return { from: 0, to: count };
  const first = Math.floor(scrollTop / LOG_ROW_HEIGHT);
  const visible = Math.ceil((viewPx > 0 ? viewPx : FALLBACK_VIEW_PX) / LOG_ROW_HEIGHT);
  return { from: Math.max(0, first - OVERSCAN), to: Math.min(count, first + visible + OVERSCAN) };
}

export function EventLog() {
  const sentences = useRipple(selectEventSentences);
  const timeline = useRipple(selectTimeline);
  const cursor = useRipple((s) => s.cursor);
  const setCursor = useRipple((s) => s.setCursor);
  const wholeRun = useRipple((s) => s.wholeRun);
  const list = useRef<HTMLOListElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  // The log tells the run as far as the playhead, like the other run panels (issue #8 item 7):
  // later entries appear as it plays, or all at once with "Show the end of the run".
  const count = wholeRun ? sentences.count : Math.min(sentences.count, cursor + 1);
  const windowed = sentences.count >= WINDOW_FROM;
  const { from, to } = logWindow(count, view.top, view.height);

  // Windowed: bring the current row into the window before the highlight looks for it. Rows
  // have one height, so where the cursor's row is follows from its index and the last known
  // scroll position: the layout is read and the list scrolled only when the row leaves the view
  // (once a screenful while playing), not on every cursor move (issue #15: each read forced a layout).
  // The last scroll position seen, read here without making the effect depend on it: a person
  // scrolling the log is not pulled back to the cursor.
  // The list's height comes from a ResizeObserver, never read here: a read after the previous
  // frame's DOM writes forces a layout of the whole page, on every cursor move (issue #15: the
  // top item of playback at 2,000 steps). The scroll position written is kept as written.
  const seen = useRef(view);
  seen.current = view;
  const cursorNow = useRef(cursor);
  cursorNow.current = cursor;
  // The scroll position to write once the frame's own layout is done (see the layout effect).
  const pendingTop = useRef<number | null>(null);
  // Whether the log follows the cursor: true until a person scrolls the current entry out of
  // view, and again at each cursor move. A new height (the list's first real one, the dock
  // resized) keeps a followed entry in view. Kept apart from the view's height, which a scroll
  // event may record before the observer has reported it (CI under load: the observer was made
  // after a frame whose scroll event had already stored the real height, so the position worked
  // out for the guessed height stayed, and the entry was 19 rows below the list's view).
  const follow = useRef(true);
  // The last scroll position written here: the scroll event it causes is not a person scrolling.
  const written = useRef<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const box = list.current;
    if (!box || !windowed || typeof ResizeObserver === 'undefined') return undefined;
    const watch = new ResizeObserver(() => {
      // Called after the frame's layout: reading the height and writing the scroll position cost
      // no layout of their own here.
      const before = seen.current;
      const height = box.clientHeight;
      let top = pendingTop.current ?? before.top;
      pendingTop.current = null;
      if (height > 0 && follow.current) top = followTop(top, height, cursorNow.current);
      if (Math.abs(box.scrollTop - top) >= 1) {
        written.current = top;
        box.scrollTop = top;
      }
      if (height !== before.height || top !== before.top) setView({ top, height });
    });
    watch.observe(box);
    observer.current = watch;
    return () => {
      observer.current = null;
      watch.disconnect();
    };
  }, [windowed]);
  useLayoutEffect(() => {
    const box = list.current;
    if (!box || !windowed) return;
    follow.current = true;
    const view = seen.current;
    const next = followTop(view.top, view.height || FALLBACK_VIEW_PX, cursor);
    if (next === view.top) return;
    setView({ top: next, height: view.height });
    // Writing the scroll position here, after this commit's DOM writes, would lay out the whole
    // page at once, on every cursor move while playing (issue #15: the largest item of a playback
    // frame). It is written after the frame's own layout instead: observing the list again makes
    // the observer call back then, before the frame is painted.
    const watch = observer.current;
    if (watch === null) {
      written.current = next;
      box.scrollTop = next;
      return;
    }
    pendingTop.current = next;
    watch.unobserve(box);
    watch.observe(box);
  }, [cursor, sentences, windowed]);

  // Move the highlight and keep the current entry in view by scrolling the log itself, never
  // the page. Runs after the entries for a new run have been rendered (same commit).
  useEffect(() => {
    const box = list.current;
    if (!box) return;
    for (const old of box.querySelectorAll('.pb-current')) {
      old.classList.remove('pb-current');
      old.querySelector('button')?.removeAttribute('aria-current');
    }
    const item = box.querySelector<HTMLElement>(`[data-index="${cursor}"]`);
    if (!item) return;
    item.classList.add('pb-current');
    item.querySelector('button')?.setAttribute('aria-current', 'step');
    // Windowed, the layout effect above has scrolled already, without reading the layout.
    if (windowed) return;
    // The list is the entries' offset parent (position: relative), so offsetTop is within it.
    const top = item.offsetTop;
    const bottom = top + item.offsetHeight;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
  }, [cursor, sentences, from, to, windowed]);

  if (sentences.count === 0) return null;
  return (
    <section className="pb-log" aria-label="Event log">
      <ol
        ref={list}
        className={windowed ? 'pb-log-list pb-log-windowed' : 'pb-log-list'}
        onScroll={
          windowed
            ? (event) => {
                const box = event.currentTarget;
                // A scroll written to follow the cursor comes back here: the view already has it.
                const top = box.scrollTop;
                const height = box.clientHeight;
                // A person's scroll: the log follows the cursor only while its entry stays in view.
                const own = written.current !== null && Math.abs(top - written.current) < 1;
                written.current = null;
                if (!own && height > 0) follow.current = followTop(top, height, cursorNow.current) === top;
                setView((v) => (v.top === top && v.height === height ? v : { top, height }));
              }
            : undefined
        }
      >
        {windowed && <Spacer rows={from} />}
        <Entries sentences={sentences} timeline={timeline} onPick={setCursor} from={from} to={to} setSize={windowed ? count : undefined} />
        {windowed && <Spacer rows={count - to} />}
      </ol>
      <PlaybackAnnouncer />
    </section>
  );
}

/** Reads the current event to screen readers while playing (throttled) and after each step. */
export function PlaybackAnnouncer() {
  const sentence = useRipple(selectCurrentSentence);
  const playing = useRipple((s) => s.playing);
  const [spoken, setSpoken] = useState('');
  const lastSpoken = useRef(0);

  useEffect(() => {
    if (!sentence) return undefined;
    const wait = playing ? lastSpoken.current + ANNOUNCE_EVERY_MS - performance.now() : 0;
    const speak = () => {
      lastSpoken.current = performance.now();
      setSpoken(sentence);
    };
    if (wait <= 0) {
      speak();
      return undefined;
    }
    const timer = setTimeout(speak, wait);
    return () => clearTimeout(timer);
  }, [sentence, playing]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="playback-announcer">
      {spoken}
    </div>
  );
}
