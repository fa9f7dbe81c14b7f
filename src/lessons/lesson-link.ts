// The progress key of a lesson opened from a share link (issue #12: "progress is kept per lesson
// link"): a hash of the lesson scenario's canonical form, the form the link codec encodes, so
// the same lesson shared twice (or re-encoded) keeps one record, and any edit makes a new one.
import { canonicalScenario } from '../scenario/canonical.ts';
import { sortedJson } from '../scenario/sorted-json.ts';
import type { Scenario } from '../scenario/types.ts';
import { validate } from '../scenario/validate.ts';
import { withoutAutoPositions } from '../store/auto-positions.ts';

/**
 * `lessonLinkId(scenario)` → `'link-1a2b3c4d'`: FNV-1a (32-bit) over the UTF-16 code units of
 * the validated scenario's canonical form as key-sorted JSON, lesson block included. Not a security hash:
 * it only tells lessons apart in this browser's progress record (lesson-slice.ts), whose ids
 * match `[a-z0-9-]`. Positions the built-in layout gives are left out (`withoutAutoPositions`,
 * as a share link leaves them out): a link without positions and the same lesson laid out on
 * opening (the embed hashes what it shows) keep one record.
 */
export function lessonLinkId(scenario: Scenario): string {
  const checked = validate(scenario);
  const text = sortedJson(canonicalScenario(withoutAutoPositions(checked.ok ? checked.scenario : scenario)));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `link-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The embed address that plays `scenario`'s lesson: `embedSrc` (embed.html?…#…) with `lesson=1`
 * in its query when the scenario carries a lesson, else `embedSrc` unchanged (issue #12).
 * `lessonEmbedUrl('https://x.org/embed.html#v1.abc', withLesson)` → `https://x.org/embed.html?lesson=1#v1.abc`.
 */
export function lessonEmbedUrl(embedSrc: string, scenario: Pick<Scenario, 'lesson'>): string {
  if (!scenario.lesson) return embedSrc;
  const url = new URL(embedSrc);
  url.searchParams.set('lesson', '1');
  return url.href;
}
