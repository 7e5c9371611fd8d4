/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman & Fan,
 * "Sample quantiles in statistical packages", Am. Stat. 50(4), 1996, definition 7; the
 * default of numpy.quantile and R's quantile): with the values sorted x_(0) <= ... <=
 * x_(n-1), h = (n - 1) p and
 *
 *   Q(p) = x_(floor h) + (h - floor h) (x_(floor h + 1) - x_(floor h))
 *
 * so Q(0) is the minimum, Q(1) the maximum, and n equal values give that value exactly.
 */
import { UsageError } from '../model/errors.js';

/** Q(p) of values already sorted ascending (non-empty). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new UsageError('uncertainty/quantile: no values');
  if (!(p >= 0 && p <= 1)) throw new UsageError(`uncertainty/quantile: p must be in [0, 1] (got ${p})`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= sorted.length) return a;
  const b = sorted[lo + 1] as number;
  return a === b ? a : a + (h - lo) * (b - a);
}
