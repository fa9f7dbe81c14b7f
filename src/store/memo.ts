// Memoising selectors per store. A module-level "last answer" is shared by every store on the
// page (an embed page may hold several): two simulators reading it in turn would recompute on
// every read and hand React a new object each time. Keyed instead by an object that belongs to
// one store's state (its timeline, its run result, its replay plan), an answer lives exactly
// as long as that object, and each store keeps its own.

/**
 * `compute`, remembered per `key` object: `memoOn((t: TimelineEvent[]) => markers(t))`.
 * `compute` must be a pure function of `key` (and of nothing that changes while `key` lives).
 * Nest for more inputs: `memoOn((a) => memoOn((b) => f(a, b)))` then `memo(a)(b)`.
 */
export function memoOn<K extends object, R>(compute: (key: K) => R): (key: K) => R {
  const answers = new WeakMap<K, R>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as R;
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
