import { readJsonValue } from '../scenario/intake/json-value.ts';
import type { LessonProgress } from '../lessons/lesson-types.ts';
import type { LessonChallenge } from '../scenario/lesson.ts';
import type { RippleState } from './types.ts';

// What the lesson slice (lesson-slice.ts) and its workings (lesson-workings.ts, a chunk of its
// own) both use: the progress kept per lesson in localStorage, the current challenge and a fresh
// challenge's fields. Apart from both, so neither imports the other's values (no import circle).

export const PROGRESS_KEY = 'ripple.lessons.progress.v1';
/** A link lesson's title kept with its progress is cut to this many UTF-16 code units. */
export const MAX_TITLE = 200;

/** Whether a progress id is a lesson opened from a link or the builder (lessonLinkId), not the course's. */
export function isLinkLessonId(id: string): boolean {
  return id.startsWith('link-');
}

function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** Progress read defensively: anything malformed is dropped, never thrown. */
export function readProgress(): Record<string, LessonProgress> {
  const progress: Record<string, LessonProgress> = Object.create(null);
  let text: string | null;
  try {
    text = storage()?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return progress;
  }
  const raw = readJsonValue(text ?? '{}', 100_000) ?? null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return progress;
  for (const [id, p] of Object.entries(raw)) {
    // Lesson ids are the course's (`first-424`): anything else is not ours.
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) || typeof p !== 'object' || p === null) continue;
    const { done, score, total, title } = p as Record<string, unknown>;
    if (typeof done !== 'boolean' || !Number.isInteger(score) || !Number.isInteger(total)) continue;
    progress[id] = { done, score: score as number, total: total as number };
    if (typeof title === 'string' && title.length <= MAX_TITLE) progress[id].title = title;
  }
  return progress;
}

/** The challenge the learner is on, or null with no lesson open. */
export function currentChallenge(state: Pick<RippleState, 'lessonActive'>): LessonChallenge | null {
  const a = state.lessonActive;
  return a ? (a.lesson.challenges[a.challenge] ?? null) : null;
}

/** Progress written back; a storage that refuses it loses only the nicety. */
export function writeProgress(progress: Record<string, LessonProgress>): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or refused: progress is a nicety, the lesson goes on.
  }
}

/** The fields a fresh challenge starts with. */
export const FRESH = { guesses: new Map(), lessonGrade: null, causeChoice: null, challengeDone: false, lessonFixChecked: null } as const;

