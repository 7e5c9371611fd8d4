/**
 * A set of ordered pairs of node ids (s, t), both in 0..2^31-1, in two typed arrays:
 * open addressing with linear probing, the table doubled when more than half full. The
 * streaming loader asks it once per edge whether the edge is parallel to an earlier one;
 * a `Set<number>` of `s * 2^26 + t` costs a heap number per pair (past the small-integer
 * range), which at 3x10^6 edges is seconds of garbage collection. Memory: 8 bytes per
 * slot, at most 4 slots per pair. Pure.
 */
export class PairSet {
  private sources: Int32Array;
  private targets: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.sources = new Int32Array(size).fill(-1);
    this.targets = new Int32Array(size);
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
    for (let i = this.slot(s, t); ; i = (i + 1) & this.mask) {
      const at = this.sources[i] as number;
      if (at === -1) return false;
      if (at === s && this.targets[i] === t) return true;
    }
  }

  /** Adds (s, t); true when it was not there yet. */
  add(s: number, t: number): boolean {
    if ((this.count + 1) * 2 > this.sources.length) this.grow();
    for (let i = this.slot(s, t); ; i = (i + 1) & this.mask) {
      const at = this.sources[i] as number;
      if (at === -1) {
        this.sources[i] = s;
        this.targets[i] = t;
        this.count++;
        return true;
      }
      if (at === s && this.targets[i] === t) return false;
    }
  }

  private grow(): void {
    const { sources, targets } = this;
    this.sources = new Int32Array(sources.length * 2).fill(-1);
    this.targets = new Int32Array(sources.length * 2);
    this.mask = this.sources.length - 1;
    this.count = 0;
    for (let i = 0; i < sources.length; i++) if ((sources[i] as number) !== -1) this.add(sources[i] as number, targets[i] as number);
  }
}
