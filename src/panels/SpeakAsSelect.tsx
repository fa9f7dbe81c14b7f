// The "Speak as" select (issue #11), bound to the scenario's `dialect` through the store's
// `setDialect` (one undo step; a link carries it). The dialect panel and the timeline legend
// both show it, so the words can be switched where they are read.
import { DIALECT_TITLES } from '../engine/dialect.ts';
import { useRipple } from '../store/context.tsx';
import { selectDialect } from '../store/editor-slice.ts';
import { DIALECT_NAMES, type DialectName } from '../scenario/types.ts';

export function SpeakAsSelect({ className = 'pb-check dialect-select' }: { className?: string }) {
  const dialect = useRipple(selectDialect);
  const setDialect = useRipple((s) => s.setDialect);
  const readOnly = useRipple((s) => s.readOnly);
  return (
    <label className={className}>
      Speak as{' '}
      <select
        value={dialect}
        disabled={readOnly}
        title={readOnly ? 'This scenario is read-only: it is told in its own words.' : 'The same run, told in each system’s words'}
        onChange={(event) => setDialect(event.currentTarget.value as DialectName)}
      >
        {DIALECT_NAMES.map((d) => (
          <option key={d} value={d}>
            {DIALECT_TITLES[d]}
          </option>
        ))}
      </select>
    </label>
  );
}
