/**
 * Spearman's rank correlation (Spearman, Am. J. Psychol. 15(1), 1904): the Pearson
 * correlation of the ranks of x and of y, ties given their average rank (the definition
 * of scipy.stats.spearmanr):
 *
 *   rho = sum_i (r_i - rbar)(s_i - sbar) / sqrt(sum_i (r_i - rbar)^2 sum_i (s_i - sbar)^2)
 *
 * In [-1, 1]; +1 when y rises with x in every pair, 0 when the ranks are unrelated. It
 * measures monotone, not only linear, association, and is unchanged by any increasing
 * transform of x or y (so the uniform draws u and the input values they map to give the
 * same rho). Undefined (null) when x or y is constant (a loss that never moves).
 */
import { UsageError } from '../model/errors.js';

/** Ranks 1..n of `values`, ties sharing their average rank. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1] as number] === values[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Pearson correlation of two equally long series; null when either is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n !== y.length) throw new UsageError(`uncertainty/spearman: series of different lengths (${n} and ${y.length})`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman's rho of x and y (at least two values each); null when either is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new UsageError(`uncertainty/spearman: series of different lengths (${x.length} and ${y.length})`);
  if (x.length < 2) return null;
  return pearson(averageRanks(x), averageRanks(y));
}
