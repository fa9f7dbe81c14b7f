import { memo, useEffect, useRef, useState } from 'react';
import { useRipple } from '../store/context.tsx';
import type { TimelineEvent } from '../store/types.ts';
import { isFailureEvent } from '../store/run-slice.ts';
import type { RippleState } from '../store/store.ts';
import { selectCurrentSentence, selectEventSentences } from './event-text.ts';
import './playback.css';

// The event log: one plain sentence per event, synced to the cursor (the current entry is
// highlighted and kept in view); clicking an entry moves the cursor there. A polite live
// region reads the current event aloud during playback.
//
// A long run has ~1,000 entries and the cursor moves many times a second while playing, so
// the entries are rendered once per run and the cursor only moves the highlight (two DOM
// nodes), never re-rendering the list.

/** Fast playback would flood a screen reader: at most one announcement per this many ms. */
const ANNOUNCE_EVERY_MS = 1200;

const selectTimeline = (s: RippleState) => s.timeline;

const Entries = memo(function Entries({ sentences, timeline, onPick }: { sentences: string[]; timeline: TimelineEvent[]; onPick: (index: number) => void }) {
  return (
    <>
      {sentences.map((text, index) => {
        const entry = timeline[index];
        const replay = (entry?.segment ?? 0) > 0;
        const failure = entry ? isFailureEvent(entry.event) : false;
        return (
          <li key={index} className={`pb-log-entry${replay ? ' pb-log-replay' : ''}${failure ? ' pb-log-failure' : ''}`} data-index={index}>
            <button type="button" onClick={() => onPick(index)}>
              {replay && <span className="pb-badge pb-badge-replay">Replay</span>}
              {text}
            </button>
          </li>
        );
      })}
    </>
  );
});

export function EventLog() {
  const sentences = useRipple(selectEventSentences);
  const timeline = useRipple(selectTimeline);
  const cursor = useRipple((s) => s.cursor);
  const setCursor = useRipple((s) => s.setCursor);
  const list = useRef<HTMLOListElement>(null);

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
    // The list is the entries' offset parent (position: relative), so offsetTop is within it.
    const top = item.offsetTop;
    const bottom = top + item.offsetHeight;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
  }, [cursor, sentences]);

  if (sentences.length === 0) return null;
  return (
    <section className="pb-log" aria-label="Event log">
      <ol ref={list} className="pb-log-list">
        <Entries sentences={sentences} timeline={timeline} onPick={setCursor} />
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
