// Step ids → step indices, in one pre-sized typed array (open addressing, linear probing).
//
// Issue #15: at 100,000 steps the id table was the costliest thing a run built — a `Map`
// grown one `set` at a time, rehashed at every doubling and allocated entry by entry, took as
// long as the whole bare Kahn sort it is measured against. This table is sized once from the
// number of steps, holds nothing but step indices (the ids stay in the graph's `ids`), and a
// lookup is a short hash of the id's characters and, in the common case, one probe.

/** FNV-1a over the id's UTF-16 code units, then a final mix so neighbouring ids spread over the low bits. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}

/** An empty slot of `IdTable.slots`. */
const EMPTY = -1;

/**
 * A read-only map from the ids of `ids` to their positions. Any string is a valid key:
 * `get('constructor')` is undefined unless a step has that id.
 *
 * @example
 * const table = IdTable.of(['order', 'pay']);
 * table.get('pay')      // → 1
 * table.get('invoice')  // → undefined
 */
export class IdTable {
  /** Step index per slot, or EMPTY; at most half full, so probes stay short. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  private constructor(private readonly ids: readonly string[]) {
    let capacity = 16;
    while (capacity < 2 * ids.length) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /**
   * The table of `ids`, or, when an id appears twice, the index of its second occurrence (a
   * number) so the caller can say which — the engine takes validated scenarios.
   */
  static of(ids: readonly string[]): IdTable | number {
    const table = new IdTable(ids);
    const { slots, mask } = table;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      let at = hashId(id) & mask;
      for (let j = slots[at]; j !== EMPTY; j = slots[at]) {
        if (ids[j] === id) return i;
        at = (at + 1) & mask;
      }
      slots[at] = i;
    }
    return table;
  }

  /** The index of step `id`, or undefined when no step has that id. */
  get(id: string): number | undefined {
    const { slots, mask, ids } = this;
    let at = hashId(id) & mask;
    for (let j = slots[at]; j !== EMPTY; j = slots[at]) {
      if (ids[j] === id) return j;
      at = (at + 1) & mask;
    }
    return undefined;
  }
}
