// Opening a comparison link (A's link, `~`, B's difference) at start-up: A goes into the editor
// as any link's scenario does, then compare mode opens with B at the link's moment. Called by
// boot-link.ts, which LinkGate loads only when the fragment holds a link.
import { decodeCompareLink } from '../../scenario/compare-link.ts';
import type { RippleStore } from '../../store/store.ts';
import type { BootOutcome } from '../share/boot-link.ts';
import { crashProblem, linkProblem } from '../share/links.ts';
import { openInStore } from '../share/open-in-store.ts';

/** Opens the comparison in `fragment` into `store`, or says why it cannot. Never throws. */
export function bootComparison(store: RippleStore, fragment: string, href: string): BootOutcome {
  try {
    const decoded = decodeCompareLink(fragment);
    if (!decoded.ok) return { kind: 'failed', problem: linkProblem(decoded.error, href) };
    const opened = openInStore(store, decoded.a, {}, 'open comparison link');
    if (!opened.ok) return { kind: 'failed', problem: { kind: 'invalid', message: opened.message, problems: opened.problems, raw: href } };
    const { at, select } = decoded.extras;
    const compared = store.getState().openCompare(decoded.b.scenario, {
      label: decoded.b.label ?? 'B',
      ...(decoded.b.replay ? { replay: true } : {}),
      // A link opens paused at its moment (at 0 when it names none), like a shared moment does.
      at: at ?? 0,
      ...(select !== undefined ? { select } : {}),
    });
    if (!compared) {
      const problems = store.getState().compareProblems ?? [];
      return { kind: 'failed', problem: { kind: 'invalid', message: 'The comparison cannot run.', problems, raw: href } };
    }
    return { kind: 'opened', title: decoded.a.title, warnings: decoded.warnings };
  } catch (error) {
    return { kind: 'failed', problem: crashProblem(error, href) };
  }
}
