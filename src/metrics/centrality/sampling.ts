/**
 * Pivot sampling for approximate betweenness (Brandes & Pich, "Centrality estimation in
 * large networks", Int. J. Bifurcation and Chaos 17(7), 2007, doi 10.1142/S0218127407018403;
 * networkx `betweenness_centrality(G, k=K, seed=S)`): K distinct source nodes chosen
 * uniformly at random without replacement. Summing the dependencies of the K pivots and
 * multiplying by n / K gives an unbiased estimate of the exact sum over all n sources.
 *
 * The pivots are the first K entries of a partial Fisher-Yates shuffle of 0..n-1 driven by
 * xoshiro128** (src/generate/prng.ts) seeded with `seed`, then sorted ascending (so the
 * summation order, and the result, depend only on the set). The same (n, K, seed) gives the
 * same pivots everywhere. networkx uses Python's Mersenne Twister, so the same seed picks
 * different pivots there: compare the two by passing the same pivots, not the same seed.
 */
import { createRng } from '../../generate/prng.js';
import { UsageError } from '../../model/errors.js';

/** K distinct node indices in 0..n-1, sorted ascending. */
export function samplePivots(n: number, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`sample must be a whole number >= 1 (got ${k})`);
  if (k > n) throw new UsageError(`sample (${k}) is larger than the number of nodes (${n})`);
  const rng = createRng(seed);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}
