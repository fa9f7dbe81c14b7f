// The timeline's legend: what each bar colour means, in Ripple's words and, spoken as another
// system ("Speak as", issue #11), that system's word beside each (424 · upstream_failed). The
// words come from src/engine/dialect.ts; the select beside them switches the dialect.
import { dialectLiveWord } from '../engine/dialect.ts';
import type { LiveState } from '../engine/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import type { DialectName } from '../scenario/types.ts';
import { SpeakAsSelect } from './SpeakAsSelect.tsx';
import './dialect.css';

/** Ripple's word, and the dialect's for the state it stands for (none for `http` or a rollback). */
function Words({ text, dialect, state, retrying = false }: { text: string; dialect: DialectName; state?: LiveState; retrying?: boolean }) {
  if (dialect === 'http' || state === undefined) return <>{text}</>;
  return (
    <>
      {text} · <code className="pb-legend-word">{dialectLiveWord(dialect, state, { retrying })}</code>
    </>
  );
}

export function TimelineLegend() {
  const dialect = useRipple(selectDialect);
  return (
    <ul className="pb-legend" aria-label="Timeline legend">
      <li><span className="pb-swatch pb-bar-ok" /> <Words text="2xx" dialect={dialect} state="succeeded" /></li>
      <li><span className="pb-swatch pb-bar-fail" /> <Words text="failed attempt" dialect={dialect} state="failed" /></li>
      <li><span className="pb-swatch pb-swatch-blocked" /> <Words text="424" dialect={dialect} state="blocked" /></li>
      <li><span className="pb-swatch pb-bar-wait" /> <Words text="retry wait" dialect={dialect} state="failed" retrying /></li>
      <li><span className="pb-swatch pb-bar-comp-ok" /> rollback</li>
      <li><span className="pb-swatch pb-swatch-replay" /> replay</li>
      <li className="pb-legend-speak"><SpeakAsSelect className="pb-legend-select" /></li>
    </ul>
  );
}
