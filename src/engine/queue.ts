// A binary min-heap of timed entries, ordered by (t, tier, step id). `tier` 0 sorts before 1 at
// the same time, which is how completions come before starts (R2); the id breaks remaining ties
// so the lower id goes first. Entries live in parallel typed arrays, so pushing and popping
// allocate nothing (a run pushes a few entries per step).

/**
 * Sort keys for ids: the first 4 characters packed into one integer, so most ties are broken
 * with an integer comparison; the full string comparison runs only when those agree. Ids are
 * ASCII ([A-Za-z0-9._-]), so each character fits in 7 bits and the key keeps string order
 * ('\0' pads short ids and sorts before every allowed character).
 */
export function idKeys(ids: readonly string[]): Int32Array {
  const keys = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const k = idKey(ids[i]);
    // Not a valid id: let every comparison fall through to the strings.
    if (k < 0) return keys.fill(0);
    keys[i] = k;
  }
  return keys;
}

/**
 * One id's sort key (see `idKeys`), or -1 when its first 4 characters are not all ASCII: then
 * every key of the run must be 0, so that comparisons fall through to the strings.
 */
export function idKey(id: string): number {
  let k = 0;
  for (let c = 0; c < 4; c++) {
    const code = c < id.length ? id.charCodeAt(c) : 0;
    if (code > 0x7f) return -1;
    k = (k << 8) | code;
  }
  return k;
}

export class TimedQueue {
  private t: Float64Array;
  /** tier << 4 | kind */
  private meta: Int32Array;
  private step: Int32Array;
  private generation: Int32Array;
  size = 0;

  // The entry last popped.
  poppedStep = 0;
  poppedKind = 0;
  poppedGeneration = 0;

  constructor(
    private readonly ids: readonly string[],
    private readonly keys: Int32Array,
    capacity = 16,
  ) {
    this.t = new Float64Array(capacity);
    this.meta = new Int32Array(capacity);
    this.step = new Int32Array(capacity);
    this.generation = new Int32Array(capacity);
  }

  /** Time of the first entry; only meaningful when size > 0. */
  peekT(): number {
    return this.t[0];
  }

  push(t: number, tier: number, kind: number, step: number, generation: number): void {
    if (this.size === this.t.length) this.grow();
    const meta = (tier << 4) | kind;
    const ta = this.t;
    const ma = this.meta;
    const sa = this.step;
    const ga = this.generation;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = ta[p];
      if (tp < t) break;
      if (tp === t) {
        const mp = ma[p] >> 4;
        if (mp < tier || (mp === tier && !this.idBefore(step, sa[p]))) break;
      }
      ta[i] = tp;
      ma[i] = ma[p];
      sa[i] = sa[p];
      ga[i] = ga[p];
      i = p;
    }
    ta[i] = t;
    ma[i] = meta;
    sa[i] = step;
    ga[i] = generation;
  }

  /** Removes the first entry and leaves it in `popped*`. Call only when size > 0. */
  pop(): void {
    const ta = this.t;
    const ma = this.meta;
    const sa = this.step;
    const ga = this.generation;
    this.poppedStep = sa[0];
    this.poppedKind = ma[0] & 15;
    this.poppedGeneration = ga[0];
    const size = --this.size;
    if (size === 0) return;
    const t = ta[size];
    const m = ma[size];
    const s = sa[size];
    const g = ga[size];
    const tier = m >> 4;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      let c = l;
      const r = l + 1;
      if (r < size && this.before(r, l)) c = r;
      // Stop when the moved entry goes before the smaller child.
      const tc = ta[c];
      if (t < tc) break;
      if (t === tc) {
        const pc = ma[c] >> 4;
        if (tier < pc || (tier === pc && !this.idBefore(sa[c], s))) break;
      }
      ta[i] = tc;
      ma[i] = ma[c];
      sa[i] = sa[c];
      ga[i] = ga[c];
      i = c;
    }
    ta[i] = t;
    ma[i] = m;
    sa[i] = s;
    ga[i] = g;
  }

  private before(a: number, b: number): boolean {
    const ta = this.t[a];
    const tb = this.t[b];
    if (ta !== tb) return ta < tb;
    const pa = this.meta[a] >> 4;
    const pb = this.meta[b] >> 4;
    if (pa !== pb) return pa < pb;
    return this.idBefore(this.step[a], this.step[b]);
  }

  /** Whether step a's id sorts before step b's. */
  private idBefore(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    if (ka !== kb) return ka < kb;
    return this.ids[a] < this.ids[b];
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const t = new Float64Array(cap);
    t.set(this.t);
    this.t = t;
    const meta = new Int32Array(cap);
    meta.set(this.meta);
    this.meta = meta;
    const step = new Int32Array(cap);
    step.set(this.step);
    this.step = step;
    const generation = new Int32Array(cap);
    generation.set(this.generation);
    this.generation = generation;
  }
}
