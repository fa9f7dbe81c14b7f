// Limits of the scenario gate. Untrusted input (links, files, pasted batch bodies) larger than
// these is refused with a `too-large` error before any real work is done, so a hostile link
// cannot freeze the page. The numbers are part of what a link promises to open, so raising
// them is safe and lowering them breaks links that used to open.

/** Most steps a scenario opened through the gate may have. `validate` itself has no limit. */
export const MAX_STEPS = 2_000;
/** Most dependencies a scenario opened through the gate may have (≈ 25 per step). */
export const MAX_DEPENDENCIES = 50_000;
/** Largest scenario JSON text, in UTF-8 bytes. */
export const MAX_JSON_BYTES = 1_000_000;
/** Longest share-link fragment, in characters. */
export const MAX_LINK_CHARS = 200_000;
/** Largest decompressed link payload, in bytes: inflating stops as soon as it is passed. */
export const MAX_DECOMPRESSED_BYTES = 1_000_000;
/** Most problems listed for one input; the rest are counted in a final summary problem. */
export const MAX_PROBLEMS = 1_000;

// Ranges that keep a shared scenario from making the simulation run (practically) forever.
// The format documents them; see validate.ts.
export const MAX_DURATION_MS = 3_600_000;
export const MAX_ATTEMPTS = 100;
export const MAX_RETRY_FACTOR = 10;
