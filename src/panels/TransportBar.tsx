import { memo, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRipple } from '../store/context.tsx';
import { SPEEDS } from '../store/run-slice.ts';
import type { Speed } from '../store/types.ts';
import { selectIsStale } from '../store/selectors.ts';
import { selectCanNextFailure, selectCanPrevFailure, selectMarkers, type MarkerKind } from '../store/timeline-markers.ts';
import type { RippleState } from '../store/store.ts';
import { formatMs, selectCurrentSentence } from './event-text.ts';
import './playback.css';

// The transport: play/pause, one event back/forward, previous/next failure, restart, speed, and
// a scrubber over virtual time with markers by kind. Keyboard shortcuts live in usePlayback.ts.

const selectActions = (s: RippleState) => ({
  togglePlay: s.togglePlay,
  stepBack: s.stepBack,
  stepForward: s.stepForward,
  prevFailure: s.prevFailure,
  nextFailure: s.nextFailure,
  restart: s.restart,
  setSpeed: s.setSpeed,
  seekTime: s.seekTime,
  runScenario: s.runScenario,
});

const selectButtons = (s: RippleState) => ({
  playing: s.playing,
  atStart: s.cursor === 0,
  atEnd: s.cursor >= s.timeline.length - 1,
  canPrevFailure: selectCanPrevFailure(s),
  canNextFailure: selectCanNextFailure(s),
  speed: s.speed,
  stale: selectIsStale(s),
  replayOpen: s.replayDraft !== null,
});

const ICONS = {
  restart: 'M5 4h2v16H5zM20 4 9 12l11 8z',
  prevFailure: 'M12 4 2 12l10 8zM22 4l-10 8 10 8z',
  back: 'M18 4 7 12l11 8z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 4v16l11-8z',
  nextFailure: 'M2 4l10 8-10 8zM12 4l10 8-10 8z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="pb-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

function TransportButton({ label, shortcut, onClick, disabled, children }: { label: string; shortcut?: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      className="pb-button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut.replace('ArrowLeft', '←').replace('ArrowRight', '→')})` : label}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

const MARKER_LABEL: Record<MarkerKind, string> = {
  failure: 'failure',
  '424': '424 Failed Dependency',
  retry: 'retry',
  compensation: 'compensation',
  replay: 'replay starts',
};

/** Marker ticks: drawn once per run, never on playhead moves. */
const Markers = memo(function Markers() {
  const markers = useRipple(selectMarkers);
  const duration = useRipple((s) => s.duration);
  return (
    <div className="pb-markers" aria-hidden="true">
      {markers.map((m) => (
        <span
          key={m.index}
          className={`pb-marker pb-marker-${m.kind === '424' ? 'blocked' : m.kind}`}
          style={{ left: `${duration > 0 ? (m.at / duration) * 100 : 0}%` }}
          title={`${formatMs(m.at)} — ${MARKER_LABEL[m.kind]}`}
        />
      ))}
    </div>
  );
});

/** One page of the scrubber (Page Up / Page Down): a tenth of the run. */
const PAGE_FRACTION = 0.1;

function Scrubber() {
  const time = useRipple((s) => s.time);
  const duration = useRipple((s) => s.duration);
  const seekTime = useRipple((s) => s.seekTime);
  const stepBack = useRipple((s) => s.stepBack);
  const stepForward = useRipple((s) => s.stepForward);
  const sentence = useRipple(selectCurrentSentence);
  const eventAt = useRipple((s) => s.timeline[s.cursor]?.at);
  // Paused between two events, the slider says the time first, then the last event (whose own
  // sentence starts with its time): a screen reader hears where the playhead is.
  const valueText = !sentence ? formatMs(time) : eventAt === undefined || eventAt === time ? sentence : `${formatMs(time)}; last event: ${sentence}`;
  // A range's own arrow keys move one step of 1 ms, which is nothing in a run of hours (or of
  // 1e100 ms, a retry storm's): arrows move one event, as the transport's shortcuts do, and
  // Page Up / Page Down a tenth of the run. Home and End keep their own meaning.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const move =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? stepBack
      : event.key === 'ArrowRight' || event.key === 'ArrowUp' ? stepForward
      : event.key === 'PageDown' ? () => seekTime(Math.max(0, time - duration * PAGE_FRACTION))
      : event.key === 'PageUp' ? () => seekTime(Math.min(duration, time + duration * PAGE_FRACTION))
      : null;
    if (move === null) return;
    event.preventDefault();
    move();
  };
  return (
    <div className="pb-scrubber">
      <Markers />
      <input
        type="range"
        className="pb-range"
        min={0}
        max={Math.max(duration, 1)}
        step={1}
        value={Math.round(time)}
        aria-label="Playback position (virtual time)"
        aria-valuetext={valueText}
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
        onKeyDown={onKeyDown}
        onChange={(event) => seekTime(Number(event.currentTarget.value))}
      />
    </div>
  );
}

function Clock() {
  const time = useRipple((s) => s.time);
  const duration = useRipple((s) => s.duration);
  return (
    // role="timer" gives the label something to attach to; it is not announced on every tick.
    <span className="pb-clock" role="timer" aria-live="off" aria-label={`Virtual time ${formatMs(time)} of ${formatMs(duration)}`}>
      <span className="pb-clock-now">{formatMs(time)}</span>
      <span className="pb-clock-total"> / {formatMs(duration)}</span>
    </span>
  );
}

export function TransportBar() {
  const actions = useRipple(useShallow(selectActions));
  const view = useRipple(useShallow(selectButtons));
  return (
    <div className="pb-transport" role="toolbar" aria-label="Playback">
      <div className="pb-buttons">
        <TransportButton label="Restart" onClick={actions.restart} disabled={view.atStart && !view.playing}>
          <Icon name="restart" />
        </TransportButton>
        <TransportButton label="Previous failure" shortcut="Shift+ArrowLeft" onClick={actions.prevFailure} disabled={!view.canPrevFailure}>
          <Icon name="prevFailure" />
        </TransportButton>
        <TransportButton label="Back one event" shortcut="ArrowLeft" onClick={actions.stepBack} disabled={view.atStart}>
          <Icon name="back" />
        </TransportButton>
        <TransportButton label={view.playing ? 'Pause' : 'Play'} shortcut="Space" onClick={actions.togglePlay}>
          <Icon name={view.playing ? 'pause' : 'play'} />
        </TransportButton>
        <TransportButton label="Forward one event" shortcut="ArrowRight" onClick={actions.stepForward} disabled={view.atEnd}>
          <Icon name="forward" />
        </TransportButton>
        <TransportButton label="Next failure" shortcut="Shift+ArrowRight" onClick={actions.nextFailure} disabled={!view.canNextFailure}>
          <Icon name="nextFailure" />
        </TransportButton>
      </div>
      <Clock />
      <Scrubber />
      <label className="pb-speed">
        <span>Speed</span>
        <select value={view.speed} onChange={(event) => actions.setSpeed(Number(event.currentTarget.value) as Speed)}>
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      {view.stale && (
        <p className="pb-stale" role="status">
          The scenario changed after this run{view.replayOpen ? ': run the replay to continue from the failed step, or ' : '. '}
          <button type="button" className="pb-link" onClick={actions.runScenario}>
            {view.replayOpen ? 'run again from the start' : 'Run again'}
          </button>
          {view.replayOpen ? '.' : null}
        </p>
      )}
    </div>
  );
}
