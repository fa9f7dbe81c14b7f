// Opening the scenario in the page's fragment at start-up (or when a link is pasted into an
// open tab). It needs the link codec (and fflate), so LinkGate imports this file only when the
// fragment holds a link: a page opened without one never loads the codec for it.
import { decodeScenarioLink, type DecodeResult } from '../../scenario/link-codec.ts';
import type { Problem } from '../../scenario/types.ts';
import { idRecord, setOwn } from '../../engine/records.ts';
import type { RippleStore } from '../../store/store.ts';
import { crashProblem, linkFragment, linkProblem, OFF_THREAD_LINK_CHARS, type LinkProblem } from './links.ts';
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
    return openDecoded(store, decodeScenarioLink(fragment), href);
  } catch (error) {
    return { kind: 'failed', problem: crashProblem(error, href) };
  }
}

export { OFF_THREAD_LINK_CHARS } from './links.ts';

/**
 * `bootFromLocation` with a link of OFF_THREAD_LINK_CHARS or more decoded by `decode` (the text
 * worker's `openLink`, so base64url, inflate and the gate's checks keep no page task busy:
 * issue #9 item 3), then, in a task of its own, put into the store. When `decode` rejects (the
 * worker failed), the link is decoded here. Never rejects.
 */
export async function bootFromLocationOffThread(store: RippleStore, href: string, decode: (fragment: string) => Promise<DecodeResult>): Promise<BootOutcome> {
  const fragment = linkFragment(href);
  if (fragment === null) return { kind: 'none' };
  if (isCompareFragment(fragment) || fragment.length < OFF_THREAD_LINK_CHARS) return bootFromLocation(store, href);
  let decoded: DecodeResult;
  try {
    decoded = withOwnContext(await decode(fragment));
  } catch {
    return bootFromLocation(store, href);
  }
  // The reply lands in the task that read it; opening it into the store is the next one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    return openDecoded(store, decoded, href);
  } catch (error) {
    return { kind: 'failed', problem: crashProblem(error, href) };
  }
}

/** A decoded scenario copied from a worker has a plain-object `context`: make it a null-prototype record again (its names are user text). */
function withOwnContext(decoded: DecodeResult): DecodeResult {
  if (!decoded.ok || decoded.scenario.context === undefined) return decoded;
  const context = idRecord<string>();
  for (const [name, value] of Object.entries(decoded.scenario.context)) setOwn(context, name, value);
  return { ...decoded, scenario: { ...decoded.scenario, context } };
}

function openDecoded(store: RippleStore, decoded: DecodeResult, href: string): BootOutcome {
  if (!decoded.ok) return { kind: 'failed', problem: linkProblem(decoded.error, href) };
  // `decoded` came through the gate (decodeScenarioLink, here or in the text worker): no second check.
  const opened = openInStore(store, decoded.scenario, decoded.extras, 'open link', true);
  if (!opened.ok) return { kind: 'failed', problem: { kind: 'invalid', message: opened.message, problems: opened.problems, raw: href } };
  // A link that carries a lesson opens in lesson mode, its progress kept per link (issue #12).
  if (decoded.scenario.lesson) store.getState().startLesson(lessonLinkId(decoded.scenario), { title: decoded.scenario.title, scenario: decoded.scenario });
  return { kind: 'opened', title: decoded.scenario.title, warnings: decoded.warnings };
}
