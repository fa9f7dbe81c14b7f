// The shared timeline of a run's segments (a run, then its replays), laid end to end. Its own
// module so compare mode (compare-session.ts, loaded with the engine) can build one without
// importing the run slice, which loads the engine (no import circle in src/store).
import type { RunSegment, TimelineEvent } from './types.ts';

/**
 * Lay segments' events end to end. The engine puts a replay on the shared timeline already
 * (`startedAt`, event times after the previous run's end); a segment without `startedAt` that
 * follows others is shifted to start where they end.
 */
export function buildTimeline(segments: readonly Omit<RunSegment, 'offset' | 'firstIndex'>[]): {
  segments: RunSegment[];
  timeline: TimelineEvent[];
  duration: number;
} {
  const placed: RunSegment[] = [];
  const timeline: TimelineEvent[] = [];
  let end = 0;
  segments.forEach((segment, s) => {
    const { result } = segment;
    const start = result.startedAt ?? end;
    const shift = result.startedAt === undefined ? end : 0;
    placed.push({ ...segment, offset: start, firstIndex: timeline.length });
    result.events.forEach((event, index) => timeline.push({ event, at: event.t + shift, segment: s, index }));
    const lastAt = result.events.length > 0 ? result.events[result.events.length - 1].t + shift : start;
    end = Math.max(end, start + result.durationMs, lastAt);
  });
  return { segments: placed, timeline, duration: end };
}

/** Index of the last timeline event at or before `time` (0 when none). */
export function indexAtTime(timeline: readonly TimelineEvent[], time: number): number {
  let lo = 0;
  let hi = timeline.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid].at <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
