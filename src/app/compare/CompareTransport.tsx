import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../canvas/icons.tsx';
import { useRipple, useRippleStore } from '../../store/context.tsx';
import { SPEEDS } from '../../store/run-slice.ts';
import type { RippleState, Speed } from '../../store/types.ts';

const selectClock = (s: RippleState) => ({
  time: s.compare?.time ?? 0,
  duration: s.compare?.duration ?? 0,
  playing: s.compare?.playing ?? false,
  speed: s.compare?.speed ?? 1,
});

/** The one playhead of a comparison: play/pause, previous/next moment, the scrubber, the speed. */
export function CompareTransport() {
  const store = useRippleStore();
  const { time, duration, playing, speed } = useRipple(useShallow(selectClock));
  const shown = Math.round(time);
  return (
    <div className="compare-transport" role="group" aria-label="Shared playhead">
      <button type="button" className="btn btn--icon" aria-label="Previous moment" title="Previous moment (←)" onClick={() => store.getState().compareStep(-1)}>
        <span className="btn__icon" aria-hidden="true" style={{ transform: 'scaleX(-1)' }}>
          <Icon name="keep" />
        </span>
      </button>
      <button type="button" className="btn btn--primary" aria-label={playing ? 'Pause both' : 'Play both'} title="Play or pause (Space)" onClick={() => store.getState().compareTogglePlay()}>
        <span className="btn__icon" aria-hidden="true">
          {playing ? <span className="compare-transport__pause">❚❚</span> : <Icon name="play" />}
        </span>
      </button>
      <button type="button" className="btn btn--icon" aria-label="Next moment" title="Next moment (→)" onClick={() => store.getState().compareStep(1)}>
        <span className="btn__icon" aria-hidden="true">
          <Icon name="keep" />
        </span>
      </button>
      <input
        type="range"
        className="compare-transport__scrubber"
        min={0}
        max={Math.max(duration, 1)}
        step={1}
        value={shown}
        aria-label="Time on both runs"
        aria-valuetext={`${shown} ms of ${duration} ms`}
        onChange={(event) => store.getState().compareSeek(Number(event.currentTarget.value))}
      />
      <output className="compare-transport__time" data-testid="compare-time">
        {shown} / {duration} ms
      </output>
      <label className="compare-transport__speed">
        <span className="visually-hidden">Speed</span>
        <select value={speed} aria-label="Speed" onChange={(event) => store.getState().compareSetSpeed(Number(event.currentTarget.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
