/**
 * Weighted random choice by inverse transform sampling: cumulative weights, one uniform
 * draw, binary search. O(k) to build over k weights, O(log k) per draw.
 * Reference: L. Devroye, Non-Uniform Random Variate Generation, Springer 1986, ch. III.2.
 */
import type { Rng } from './prng.js';

export interface WeightedChoice {
  /** An index in 0..k-1 with probability weight / total. */
  pick(rng: Rng): number;
}

/** Choice among weights[from .. to - 1]; returns indices in from..to-1. Weights must be > 0. */
export function weightedChoice(weights: Float64Array, from: number, to: number): WeightedChoice {
  const cumulative = new Float64Array(to - from);
  let total = 0;
  for (let i = from; i < to; i++) {
    total += weights[i] as number;
    cumulative[i - from] = total;
  }
  return {
    pick(rng: Rng): number {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return from + lo;
    },
  };
}
