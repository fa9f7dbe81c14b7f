// Virtual times in words, as the clock, the timeline's axis, the log and a node's tooltip say them.

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

/**
 * `4.4e100` → "4.4 × 10¹⁰⁰"; `3e101` → "3 × 10¹⁰¹"; Infinity → "∞". Read off `toExponential(1)`
 * ("4.4e+100") character by character: the timeline titles every bar and mark of a run at once,
 * 50,000 of them for a 2,000-step retry storm, and a split and a regex replace per call made
 * that ~60 ms of one task (issue #9 item 3).
 */
function powerOfTen(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  const text = value.toExponential(1);
  const e = text.indexOf('e');
  // "4.0" is said "4", as Number("4.0") would.
  const mantissa = text.charCodeAt(e - 1) === ZERO ? text.slice(0, e - 2) : text.slice(0, e);
  let digits = '';
  for (let i = text[e + 1] === '+' ? e + 2 : e + 1; i < text.length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    digits += digit >= 0 && digit <= 9 ? SUPERSCRIPT[digit] : text[i];
  }
  return `${mantissa} × 10${digits}`;
}

const ZERO = 48;
