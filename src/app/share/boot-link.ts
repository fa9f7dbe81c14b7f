// Opening the scenario in the page's fragment at start-up (or when a link is pasted into an
// open tab). It needs the link codec (and fflate), so LinkGate imports this file only when the
// fragment holds a link: a page opened without one never loads the codec for it.
import { decodeScenarioLink } from '../../scenario/link-codec.ts';
import type { Problem } from '../../scenario/types.ts';
import type { RippleStore } from '../../store/store.ts';
import { crashProblem, linkFragment, linkProblem, type LinkProblem } from './links.ts';
import { openInStore } from './open-in-store.ts';
import { isCompareFragment } from '../../scenario/compare-link.ts';
import { bootComparison } from '../compare/boot-compare.ts';
import { lessonLinkId } from '../../lessons/lesson-link.ts';

export type BootOutcome =
  | { kind: 'none' }
  | { kind: 'opened'; title: string; warnings: Problem[] }
  | { kind: 'failed'; problem: LinkProblem };

/**
 * Opens the scenario in `href`'s fragment into `store` (see `openInStore`), or says why it
 * cannot. Never throws.
 */
export function bootFromLocation(store: RippleStore, href: string = location.href): BootOutcome {
  const fragment = linkFragment(href);
  if (fragment === null) return { kind: 'none' };
  if (isCompareFragment(fragment)) return bootComparison(store, fragment, href);
  try {
    const decoded = decodeScenarioLink(fragment);
    if (!decoded.ok) return { kind: 'failed', problem: linkProblem(decoded.error, href) };
    const opened = openInStore(store, decoded.scenario, decoded.extras, 'open link');
    if (!opened.ok) return { kind: 'failed', problem: { kind: 'invalid', message: opened.message, problems: opened.problems, raw: href } };
    // A link that carries a lesson opens in lesson mode, its progress kept per link (issue #12).
    if (decoded.scenario.lesson) store.getState().startLesson(lessonLinkId(decoded.scenario), { title: decoded.scenario.title, scenario: decoded.scenario });
    return { kind: 'opened', title: decoded.scenario.title, warnings: decoded.warnings };
  } catch (error) {
    return { kind: 'failed', problem: crashProblem(error, href) };
  }
}
