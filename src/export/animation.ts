// CSS for an SVG that plays a run with no script (issue #14): every piece that changes — a
// box's colour, its state words, an edge turning red, the clock — is drawn once per stretch
// of the loop in which it looks the same, and each stretch is shown only during its window by
// an opacity @keyframes with `step-end` timing. CSS animations run inside an <img> (a GitHub
// README), where scripts never do. Without animation (prefers-reduced-motion: reduce, or a
// renderer with no CSS animation such as resvg) every element keeps its opacity attribute
// (0 on all but the last frames, set by src/export/svg.ts), which shows the run's end.

/** Builds the `<style>` text of one animated picture; windows are registered as they are drawn. */
export interface AnimationStyle {
  /** The class for an element shown from `from` to `to` (fractions of the loop, 0 ≤ from < to ≤ 1). */
  classOf(from: number, to: number): string;
  /** The CSS for every class handed out so far. */
  css(): string;
}

/** Keyframe offsets with two decimals of a percent: 1/10,000 of the loop. */
function percent(fraction: number): string {
  return `${Math.round(fraction * 10_000) / 100}%`;
}

/**
 * `animationStyle(6_000)` → a style whose classes loop every 6 s (`loopMs`, in ms of wall time).
 *
 * @example
 * const style = animationStyle(6_000);
 * style.classOf(0.25, 0.5) // → 'a w0'
 * style.css() // → '.a{animation-duration:6s;…}.w0{animation-name:w0}@keyframes w0{0%{opacity:0}25%{opacity:1}50%{opacity:0}}…'
 */
export function animationStyle(loopMs: number): AnimationStyle {
  const windows = new Map<string, { name: string; from: number; to: number }>();
  return {
    classOf(from, to) {
      const key = `${percent(from)} ${percent(to)}`;
      let w = windows.get(key);
      if (w === undefined) {
        w = { name: `w${windows.size}`, from, to };
        windows.set(key, w);
      }
      return `a ${w.name}`;
    },
    css() {
      const rules = [`.a{animation-duration:${loopMs / 1000}s;animation-timing-function:step-end;animation-iteration-count:infinite}`];
      for (const { name, from, to } of windows.values()) {
        const end = to >= 1;
        const frames = [from > 0 ? `0%{opacity:0}${percent(from)}{opacity:1}` : '0%{opacity:1}'];
        if (!end) frames.push(`${percent(to)}{opacity:0}`);
        frames.push(`100%{opacity:${end ? 1 : 0}}`);
        // No base opacity here: the drawing hides every frame but the last with opacity="0"
        // (src/export/svg.ts), so the end shows wherever nothing animates, even with no CSS.
        rules.push(`.${name}{animation-name:${name}}@keyframes ${name}{${frames.join('')}}`);
      }
      rules.push('@media (prefers-reduced-motion:reduce){.a{animation:none}}');
      return rules.join('\n');
    },
  };
}
