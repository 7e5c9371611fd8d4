/**
 * Latin hypercube sampling (McKay, Beckman & Conover, Technometrics 21(2), 1979,
 * doi 10.2307/1268522): n points in [0, 1)^d such that, in every dimension, each of the
 * n strata [k/n, (k+1)/n) holds exactly one point. Dimension j gets a random permutation
 * p_j of 0..n-1 (Fisher-Yates) and u_ij = (p_j(i) + v_ij) / n with v_ij uniform in [0, 1).
 * Dimensions are drawn one after another from one seeded generator (`generate/prng.ts`),
 * so a seed fixes every point on every platform.
 */
import { UsageError } from '../model/errors.js';
import type { Rng } from '../generate/prng.js';

/** d columns of n values in [0, 1): column j holds dimension j of every point. */
export function latinHypercube(n: number, d: number, rng: Rng): Float64Array[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`uncertainty/latin-hypercube: the number of points must be a whole number >= 1 (got ${n})`);
  if (!Number.isSafeInteger(d) || d < 0) throw new UsageError(`uncertainty/latin-hypercube: the dimension must be a whole number >= 0 (got ${d})`);
  const columns: Float64Array[] = [];
  const perm = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      const t = perm[i] as number;
      perm[i] = perm[k] as number;
      perm[k] = t;
    }
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = ((perm[i] as number) + rng.next()) / n;
    columns.push(column);
  }
  return columns;
}
