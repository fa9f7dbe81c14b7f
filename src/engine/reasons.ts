// Why a step was skipped or cancelled (R4, R8, R14, the work budget), or left uncompensated
// (R17), kept as a code and a step index while the run makes them; the text is written when
// the step result or the event is read (src/engine/result.ts, event-log.ts).
//
// Issue #15: a run condition that is false often skips a whole subgraph (every `success`
// dependent of a skipped step is skipped in turn), and writing each reason's text and putting
// it in a Map keyed by step cost more than everything else a skip does.

/** The kinds of reason, each with its text below (`text`). */
export const REASON_NONE = 0;
/** R4, join "any": none of its prerequisites met its condition. */
export const REASON_NONE_MET = 1;
/** R4: the prerequisite (`arg`) was cancelled. */
export const REASON_PREREQUISITE_CANCELLED = 2;
/** R4: a `failure` dependency on a prerequisite (`arg`) that was skipped. */
export const REASON_ONLY_IF_FAILS_SKIPPED = 3;
/** R4: a `failure` dependency on a prerequisite (`arg`) that succeeded. */
export const REASON_ONLY_IF_FAILS_SUCCEEDED = 4;
/** R4: the prerequisite (`arg`) was skipped. */
export const REASON_PREREQUISITE_SKIPPED = 5;
/** R14: the run condition (`texts[arg]`, as written) is false. */
export const REASON_CONDITION_FALSE = 6;
/** R14: the run condition is false and a prerequisite was cancelled (`texts[arg]`, `arg2`). */
export const REASON_CONDITION_FALSE_CANCELLED = 7;
/** R8: the run was aborted after a step (`arg`) failed. */
export const REASON_ABORTED = 8;
/** A reason written out already (`texts[arg]`): the work budget's, one text for every step it cancels. */
export const REASON_TEXT = 9;
/** R17: the saga stopped after the rollback of a step (`arg`) failed. */
export const REASON_SAGA_STOPPED = 10;

export type ReasonCode =
  | typeof REASON_NONE
  | typeof REASON_NONE_MET
  | typeof REASON_PREREQUISITE_CANCELLED
  | typeof REASON_ONLY_IF_FAILS_SKIPPED
  | typeof REASON_ONLY_IF_FAILS_SUCCEEDED
  | typeof REASON_PREREQUISITE_SKIPPED
  | typeof REASON_CONDITION_FALSE
  | typeof REASON_CONDITION_FALSE_CANCELLED
  | typeof REASON_ABORTED
  | typeof REASON_TEXT
  | typeof REASON_SAGA_STOPPED;

/**
 * Each step's reason, by step index: a code, a step index or an index into `texts` (`arg`),
 * and a second step index for the one reason that names two things (`arg2`, in a Map: rare).
 * A step's reason is set once; skipped and cancelled are final phases.
 *
 * @example
 * reasons.set(7, REASON_PREREQUISITE_SKIPPED, 3);
 * reasons.of(7) // → 'its prerequisite <id of step 3> was skipped'
 */
export class Reasons {
  private readonly texts: string[] = [];
  private readonly arg2 = new Map<number, number>();

  constructor(
    private readonly ids: readonly string[],
    /** A code per step (in the run state's kept buffer). */
    private readonly code: Uint8Array,
    /** Its step index or text index per step (same buffer). */
    private readonly arg: Int32Array,
  ) {}

  /** Gives step i a reason that names step `arg` (or none, for REASON_NONE_MET). */
  set(i: number, code: ReasonCode, arg: number): void {
    this.code[i] = code;
    this.arg[i] = arg;
  }

  /**
   * Gives step i a reason with a text: REASON_CONDITION_FALSE(_CANCELLED) with the condition
   * as written, REASON_TEXT with the whole reason. Returns the text's index, for steps that
   * share it (`share`).
   */
  setText(i: number, code: ReasonCode, text: string, cancelled = -1): number {
    const k = this.texts.length;
    this.texts.push(text);
    this.share(i, code, k);
    if (cancelled >= 0) this.arg2.set(i, cancelled);
    return k;
  }

  /** Gives step i the text `k` another step's reason already has. */
  share(i: number, code: ReasonCode, k: number): void {
    this.code[i] = code;
    this.arg[i] = k;
  }

  /** Step i's reason as the result JSON has it, or undefined when it has none. */
  of(i: number): string | undefined {
    const code = this.code[i] as ReasonCode;
    const a = this.arg[i];
    switch (code) {
      case REASON_NONE:
        return undefined;
      case REASON_NONE_MET:
        return 'none of its prerequisites met its condition';
      case REASON_PREREQUISITE_CANCELLED:
        return `its prerequisite ${this.ids[a]} was cancelled`;
      case REASON_ONLY_IF_FAILS_SKIPPED:
        return `it runs only if ${this.ids[a]} fails, and ${this.ids[a]} was skipped`;
      case REASON_ONLY_IF_FAILS_SUCCEEDED:
        return `it runs only if ${this.ids[a]} fails, and ${this.ids[a]} succeeded`;
      case REASON_PREREQUISITE_SKIPPED:
        return `its prerequisite ${this.ids[a]} was skipped`;
      case REASON_CONDITION_FALSE:
        return `its condition \`${this.texts[a]}\` is false`;
      case REASON_CONDITION_FALSE_CANCELLED:
        return `its condition \`${this.texts[a]}\` is false and its prerequisite ${this.ids[this.arg2.get(i)!]} was cancelled`;
      case REASON_ABORTED:
        return `the run was aborted after ${this.ids[a]} failed`;
      case REASON_TEXT:
        return this.texts[a];
      case REASON_SAGA_STOPPED:
        return `the saga stopped after the rollback of ${this.ids[a]} failed (compensationErrors: stop)`;
    }
  }
}
