// The gate's problems with their paths, as text (never markup), shortened to a readable list.
import type { Problem } from '../../scenario/types.ts';

/** `except`: the headline already shown above the list; a problem saying only that is not repeated. */
export function ProblemList({ problems, max = 8, className, label, except }: { problems: Problem[]; max?: number; className?: string; label?: string; except?: string }) {
  const listed = except === undefined ? problems : problems.filter((p) => !(p.path === '' && except.includes(p.message)));
  if (listed.length === 0) return null;
  const shown = listed.slice(0, max);
  return (
    <ul className={className} aria-label={label}>
      {shown.map((p, i) => (
        <li key={i}>
          {p.path && <code>{p.path}</code>} {p.message}
        </li>
      ))}
      {listed.length > max && <li>… and {listed.length - max} more</li>}
    </ul>
  );
}
