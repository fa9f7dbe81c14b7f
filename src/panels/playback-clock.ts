// How fast playback moves through virtual time.
//
// One virtual ms per real ms would show a typical 500 ms run as a flash. At 1× a run plays at
// 1.5 real seconds per virtual second, stretched or squeezed so the whole run takes between
// 4 and 20 real seconds (a 500 ms order pipeline takes 4 s; a 2-minute timeout story 20 s).
// The speed (0.25×–4×) multiplies that. A run with no duration (every step 0 ms) advances one
// event every 400 ms / speed instead.

export const REAL_MS_PER_VIRTUAL_MS = 1.5;
export const MIN_REAL_MS = 4_000;
export const MAX_REAL_MS = 20_000;
export const REAL_MS_PER_EVENT_WHEN_INSTANT = 400;

/** Real milliseconds a run of `durationMs` virtual ms takes to play at 1×. */
export function realDurationAt1x(durationMs: number): number {
  return Math.min(MAX_REAL_MS, Math.max(MIN_REAL_MS, durationMs * REAL_MS_PER_VIRTUAL_MS));
}

/** Virtual ms that pass per real ms at `speed`, for a run of `durationMs`. */
export function virtualPerReal(durationMs: number, speed: number): number {
  if (durationMs <= 0) return 0;
  return (durationMs / realDurationAt1x(durationMs)) * speed;
}
