import type { Dependency, Step } from './types.ts';

// Pure helpers for the editor's edits (src/scenario/edits.ts): existing dependencies, fresh
// step ids. Paths and the cycle a new dependency would close are graph algorithms
// (graph-algorithms.ts).

export function hasDependency(dependencies: readonly Dependency[], from: string, to: string): boolean {
  return dependencies.some((d) => d.from === from && d.to === to);
}

/** `step-1`, `step-2`, … the first id not taken. */
export function nextStepId(steps: readonly Step[]): string {
  const taken = new Set(steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`step-${n}`)) n++;
  return `step-${n}`;
}

/** Lower-case, dash-separated id from a label: `Create invoice` → `create-invoice`. */
export function slugify(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
