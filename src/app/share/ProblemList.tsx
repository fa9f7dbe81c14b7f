// The gate's problems with their paths, as text (never markup), shortened to a readable list.
import type { Problem } from '../../scenario/types.ts';

export function ProblemList({ problems, max = 8, className, label }: { problems: Problem[]; max?: number; className?: string; label?: string }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, max);
  return (
    <ul className={className} aria-label={label}>
      {shown.map((p, i) => (
        <li key={i}>
          {p.path && <code>{p.path}</code>} {p.message}
        </li>
      ))}
      {problems.length > max && <li>… and {problems.length - max} more</li>}
    </ul>
  );
}
