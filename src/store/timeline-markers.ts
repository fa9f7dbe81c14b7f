// The scrubber's markers and the transport's previous / next failure buttons: read by the
// transport bar only (a chunk of its own), so kept out of selectors.ts, which the first canvas
// loads (issue #15: the main chunk).
import { isFailureEvent } from './run-slice.ts';
import { memoOn } from './memo.ts';
import type { RippleState, TimelineEvent } from './types.ts';

export type MarkerKind = 'failure' | '424' | 'retry' | 'compensation' | 'replay';

export interface TimelineMarker {
  kind: MarkerKind;
  at: number;
  /** Index into the timeline: clicking the marker moves the cursor there. */
  index: number;
}

function markerKind(entry: TimelineEvent): MarkerKind | null {
  const { event } = entry;
  switch (event.type) {
    case 'failed':
    case 'timed-out':
      return 'failure';
    case 'blocked':
    case 'rolled-back':
      return '424';
    case 'retry-scheduled':
    case 'repair-requested':
    case 'unblocked':
      return 'retry';
    case 'compensation-started':
    case 'compensation-succeeded':
    case 'compensation-failed':
      return 'compensation';
    case 'replay-started':
      return 'replay';
    case 'run-started':
      return entry.segment > 0 && entry.index === 0 ? 'replay' : null;
    case 'started':
    case 'succeeded':
    case 'skipped':
    case 'cancelled':
    case 'reused':
    case 'run-finished':
      return null;
  }
}

/** Markers of one kind in the same thousandth of the run are drawn once (under a pixel apart). */
const MARKER_SLOTS = 1000;

const markersOf = memoOn((timeline: TimelineEvent[]): TimelineMarker[] => {
  const markers: TimelineMarker[] = [];
  let replayMarked = -1;
  timeline.forEach((entry, index) => {
    const kind = markerKind(entry);
    if (!kind) return;
    // One replay marker per segment, however the engine opens it.
    if (kind === 'replay') {
      if (replayMarked === entry.segment) return;
      replayMarked = entry.segment;
    }
    markers.push({ kind, at: entry.at, index });
  });
  // A run at its work budget has thousands of markers and the scrubber draws one element each:
  // past MARKER_SLOTS, what it draws is bounded by its width, not by the run (issue #9 item 3).
  const end = timeline.length > 0 ? timeline[timeline.length - 1].at : 0;
  if (markers.length <= MARKER_SLOTS || end <= 0) return markers;
  const taken = new Set<string>();
  return markers.filter((m) => {
    if (m.kind === 'replay') return true;
    const slot = `${m.kind} ${Math.floor((m.at / end) * MARKER_SLOTS)}`;
    if (taken.has(slot)) return false;
    taken.add(slot);
    return true;
  });
});

/** Scrubber markers, coloured by kind; past MARKER_SLOTS, the first of each kind in each thousandth of the run. */
export const selectMarkers = (state: RippleState): TimelineMarker[] => markersOf(state.timeline);

const failureIndicesOf = memoOn((timeline: TimelineEvent[]): number[] =>
  timeline.flatMap((entry, index) => (isFailureEvent(entry.event) ? [index] : [])),
);

export const selectFailureIndices = (state: RippleState): number[] => failureIndicesOf(state.timeline);

/** Whether the transport's prev / next failure buttons have somewhere to go. */
export const selectCanPrevFailure = (state: RippleState): boolean => failureIndicesOf(state.timeline).some((i) => i < state.cursor);
export const selectCanNextFailure = (state: RippleState): boolean => failureIndicesOf(state.timeline).some((i) => i > state.cursor);
