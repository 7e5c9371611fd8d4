/**
 * A set of ordered pairs of node ids (s, t), both in 0..2^31-1, in one typed array:
 * open addressing with linear probing over (s, t) slots, the table doubled when more than
 * half full. The streaming loader asks it once per edge whether the edge is parallel to an earlier one;
 * a `Set<number>` of `s * 2^26 + t` costs a heap number per pair (past the small-integer
 * range), which at 3x10^6 edges is seconds of garbage collection. Memory: 8 bytes per
 * slot, at most 4 slots per pair. Pure.
 */
export class PairSet {
  /** [s, t] per slot, s = -1 in an empty slot: one cache line holds both ids of a probe. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The first slot to probe for (s, t): a multiplicative hash of both ids. */
  private slot(s: number, t: number): number {
    const h = Math.imul(s, 0x9e3779b1) ^ Math.imul(t, 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  has(s: number, t: number): boolean {
    const { slots, mask } = this;
    for (let i = this.slot(s, t); ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === -1) return false;
      if (at === s && slots[2 * i + 1] === t) return true;
    }
  }

  /** Adds (s, t); true when it was not there yet. */
  add(s: number, t: number): boolean {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const { slots, mask } = this;
    for (let i = this.slot(s, t); ; i = (i + 1) & mask) {
      const at = slots[2 * i] as number;
      if (at === -1) {
        slots[2 * i] = s;
        slots[2 * i + 1] = t;
        this.count++;
        return true;
      }
      if (at === s && slots[2 * i + 1] === t) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = old.length - 1;
    const { slots, mask } = this;
    // Every pair in the old table is distinct: each goes to the first free slot of its probe.
    for (let k = 0; k < old.length; k += 2) {
      const s = old[k] as number;
      if (s === -1) continue;
      const t = old[k + 1] as number;
      let i = this.slot(s, t);
      while ((slots[2 * i] as number) !== -1) i = (i + 1) & mask;
      slots[2 * i] = s;
      slots[2 * i + 1] = t;
    }
  }
}
