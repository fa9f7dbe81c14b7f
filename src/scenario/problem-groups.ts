// Notes that say the same thing about several tasks, told once (tryout: an Argo file with seven
// tasks on a failing template gave seven identical lines, each behind a field path).
import type { Problem, SubjectNoun } from './types.ts';

/**
 * Problems with the same message, in the order the first was found. `noun` is set when every
 * member names its subject (a task, a job…), so the group can be told by those names; the
 * members keep their paths for the authors who want them.
 */
export interface ProblemGroup {
  message: string;
  noun?: SubjectNoun;
  members: Problem[];
}

/**
 * Groups problems whose message is the same, keeping those with a subject apart from those
 * without one (which are told by their paths).
 *
 * @example
 * groupProblems([
 *   { code: 'not-simulated', path: 'tasks[1].template', message: 'fails', subject: { noun: 'task', name: 'a' } },
 *   { code: 'not-simulated', path: 'tasks[4].template', message: 'fails', subject: { noun: 'task', name: 'b' } },
 * ]) // → [{ message: 'fails', noun: 'task', members: [both] }]
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = `${p.subject?.noun ?? ''}\u0000${p.message}`;
    const group = groups.get(key);
    if (group) group.members.push(p);
    else groups.set(key, { message: p.message, ...(p.subject ? { noun: p.subject.noun } : {}), members: [p] });
  }
  return [...groups.values()];
}

/** `task`, `7 tasks`. */
export function countNoun(noun: SubjectNoun, n: number): string {
  return n === 1 ? noun : `${n} ${noun}s`;
}

/**
 * How many notes a list of `problems` shows, as the line above it says it: one note per line of
 * the list (`groupProblems`), and when a line tells several tasks (jobs, states…) of one kind,
 * how many. Tryout: "12 notes" stood above two lines.
 *
 * @example
 * countNotes(sevenTasksOnAFailingTemplate) // → '1 note about 7 tasks'
 * countNotes([aboutPathA, aboutPathB])     // → '2 notes'
 */
export function countNotes(problems: readonly Problem[]): string {
  const groups = groupProblems(problems);
  const notes = `${groups.length} note${groups.length === 1 ? '' : 's'}`;
  const noun = groups[0]?.noun;
  if (noun === undefined || groups.some((g) => g.noun !== noun)) return notes;
  const subjects = new Set(groups.flatMap((g) => namedMembers(g).map((m) => m.name))).size;
  return subjects > groups.length ? `${notes} about ${countNoun(noun, subjects)}` : notes;
}

/** Each member once by its name (the subject's, or else its path), with the paths it was found at. */
export function namedMembers(group: ProblemGroup): { name: string; paths: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const p of group.members) {
    const name = p.subject?.name ?? p.path;
    if (name === '') continue;
    const paths = byName.get(name);
    if (paths) paths.push(p.path);
    else byName.set(name, [p.path]);
  }
  return [...byName].map(([name, paths]) => ({ name, paths }));
}

/** Names a grouped line of `problemLines` shows before "and N more". */
const LINE_NAMES = 10;

/**
 * The notes as plain text lines, one per group (`groupProblems`), as the app's list tells them
 * (src/app/share/ProblemList.tsx) but with every shown name's path written out, since a terminal
 * has no tooltip: `path: message` for a note alone; `message (7 tasks: "a" at path, … and 3 more)`
 * for one said about several tasks (jobs, states…); `message (at path, path, …)` for several paths.
 *
 * @example
 * problemLines(sevenTasksOnAFailingTemplate)
 * // → ['template "boom" fails on every attempt (7 tasks: "a" at spec.templates[0].dag.tasks[1], … and 1 more)']
 */
export function problemLines(problems: readonly Problem[]): string[] {
  return groupProblems(problems).map((group) => {
    if (group.members.length === 1) {
      const [p] = group.members;
      return p.path === '' ? p.message : `${p.path}: ${p.message}`;
    }
    const members = namedMembers(group);
    const more = members.length > LINE_NAMES ? ` and ${members.length - LINE_NAMES} more` : '';
    const shown = members.slice(0, LINE_NAMES);
    if (group.noun === undefined) return `${group.message} (at ${shown.map((m) => m.name).join(', ')}${more})`;
    const names = shown.map((m) => (m.paths[0] === '' || m.paths[0] === undefined ? JSON.stringify(m.name) : `${JSON.stringify(m.name)} at ${m.paths.join(', ')}`));
    return `${group.message} (${countNoun(group.noun, members.length)}: ${names.join(', ')}${more})`;
  });
}
