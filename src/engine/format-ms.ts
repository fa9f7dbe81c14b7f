// Virtual times in words, as the clock, the timeline's axis, the log, a node's tooltip and the
// comparison's sentence (compare.ts) say them. Pure: it lives with the engine so the engine's own
// sentences can use it; src/panels/format-ms.ts re-exports it for the UI.

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * `120` (ms) → "120 ms"; `12_500` → "12.5 s"; past a billion seconds (a retry storm's delays
 * grown ×10 a hundred times, issue #9 item 3) in scientific notation with two significant
 * digits, as a person writes it: `4.4e103` → "4.4 × 10¹⁰⁰ s", not "4.4e+100 s" or float noise.
 */
export function formatMs(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds >= 1e9) return `${powerOfTen(seconds)} s`;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** `4.4e100` → "4.4 × 10¹⁰⁰"; `3e101` → "3 × 10¹⁰¹"; Infinity → "∞". */
function powerOfTen(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const digits = String(Number(exponent)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
  return `${Number(mantissa)} × 10${digits}`;
}
