// The gate's problems as text (never markup), shortened to a readable list: notes that say the
// same thing are one line naming the tasks (jobs, states…) they are about, each name carrying
// its field path as a tooltip, and every path listed under "Where in the file".
import { Fragment, type ReactNode } from 'react';
import { countNoun, groupProblems, namedMembers, type ProblemGroup } from '../../scenario/problem-groups.ts';
import type { Problem } from '../../scenario/types.ts';

/** Names shown on a grouped line before "and N more". */
const MAX_NAMES = 4;
/** Paths listed under "Where in the file" before "and N more". */
const MAX_PATHS = 30;

/**
 * `max`: lines shown (groups, not problems). `except`: the headline already shown above the
 * list; a problem saying only that is not repeated.
 */
export function ProblemList({ problems, max = 8, className, label, except }: { problems: Problem[]; max?: number; className?: string; label?: string; except?: string }) {
  const listed = except === undefined ? problems : problems.filter((p) => !(p.path === '' && except.includes(p.message)));
  if (listed.length === 0) return null;
  const groups = groupProblems(listed);
  const shown = groups.slice(0, max);
  // Counted as lines, as the headline above counts them (`countNotes`).
  const hidden = Math.max(0, groups.length - max);
  // Paths a line does not show already: those of named subjects.
  const where = shown.filter((g) => g.noun !== undefined).flatMap((g) => g.members.filter((p) => p.path !== ''));
  return (
    <>
      <ul className={className} aria-label={label}>
        {shown.map((group, i) => (
          <li key={i}>
            <GroupLine group={group} />
          </li>
        ))}
        {hidden > 0 && (
          <li>
            … and {hidden} more note{hidden === 1 ? '' : 's'}
          </li>
        )}
      </ul>
      {where.length > 0 && (
        <details className="problem-paths">
          <summary>Where in the file</summary>
          <ul>
            {where.slice(0, MAX_PATHS).map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>
                {p.subject && ` (${p.subject.noun} ${JSON.stringify(p.subject.name)})`}
              </li>
            ))}
            {where.length > MAX_PATHS && <li>… and {where.length - MAX_PATHS} more</li>}
          </ul>
        </details>
      )}
    </>
  );
}

/** `Task "a": …`, `7 tasks ("a", "b", … and 3 more): …`, or `path message` for a note about no task. */
function GroupLine({ group }: { group: ProblemGroup }) {
  const members = namedMembers(group);
  if (group.noun === undefined) {
    if (members.length <= 1) {
      const p = group.members[0];
      return (
        <>
          {p.path && <code>{p.path}</code>} <Message text={p.message} />
        </>
      );
    }
    return (
      <>
        <NameList members={members} name={(m) => <code>{m.name}</code>} />: <Message text={group.message} />
      </>
    );
  }
  const nameList = (
    <NameList
      members={members}
      name={(m) => (
        <span className="problem-name" title={m.paths.join('\n')}>
          “{m.name}”
        </span>
      )}
    />
  );
  const noun = countNoun(group.noun, members.length);
  return members.length === 1 ? (
    <>
      {noun[0].toUpperCase()}
      {noun.slice(1)} {nameList}: <Message text={group.message} />
    </>
  ) : (
    <>
      {noun} ({nameList}): <Message text={group.message} />
    </>
  );
}

/** The first MAX_NAMES of `members`, each drawn by `name`, comma-separated, then "and N more". */
function NameList({ members, name }: { members: { name: string; paths: string[] }[]; name: (m: { name: string; paths: string[] }) => ReactNode }) {
  const shown = members.slice(0, MAX_NAMES);
  const more = members.length - shown.length;
  return (
    <>
      {shown.map((m, i) => (
        <Fragment key={m.name}>
          {i > 0 && ', '}
          {name(m)}
        </Fragment>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

/**
 * A note's words, its `backticked` parts (a field or keyword, as the importers write them, and
 * as the CLI prints them) drawn as code rather than with their backticks (tryout). Text only,
 * never markup: an unmatched backtick stays a backtick.
 */
function Message({ text }: { text: string }) {
  const parts = text.split('`');
  if (parts.length < 3) return <>{text}</>;
  // An odd count of backticks: the last one has no partner and is kept as written.
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts[parts.length - 2]}\`${parts[parts.length - 1]}`];
  return (
    <>
      {paired.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
