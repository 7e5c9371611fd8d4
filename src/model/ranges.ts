/**
 * Ranges of the figures of a graph: which attributes bound which quantity, and the rules
 * a range obeys. Uncertainty ensembles (`src/uncertainty/`) draw each quantity from its
 * range; the loader checks the ranges (`parse-graph.ts`).
 *
 *   edge: `low` / `high` bound `flow`; `capacityLow` / `capacityHigh` bound `capacity`
 *   node: `low` / `high` bound `capacity`; `stockLow` / `stockHigh` bound `stock`
 *
 * Rules: both ends or neither; low <= high; the quantity itself is given and lies in
 * [low, high] (the published figure is one possible value).
 */

/** One ranged quantity: the attribute holding the figure and the two holding its range. */
export interface RangeSpec {
  quantity: string;
  low: string;
  high: string;
}

export const EDGE_RANGES: readonly RangeSpec[] = [
  { quantity: 'flow', low: 'low', high: 'high' },
  { quantity: 'capacity', low: 'capacityLow', high: 'capacityHigh' },
];

export const NODE_RANGES: readonly RangeSpec[] = [
  { quantity: 'capacity', low: 'low', high: 'high' },
  { quantity: 'stock', low: 'stockLow', high: 'stockHigh' },
];

/** The problems of the ranges of one element's attributes, as messages (empty when fine). */
export function rangeProblems(attributes: Record<string, unknown>, specs: readonly RangeSpec[]): string[] {
  const problems: string[] = [];
  for (const { quantity, low: lowKey, high: highKey } of specs) {
    const low = attributes[lowKey];
    const high = attributes[highKey];
    if (low === undefined && high === undefined) continue;
    if (typeof low !== 'number' || typeof high !== 'number') {
      problems.push(`${lowKey}/${highKey}: give both ends of the range of ${quantity} or neither (got ${lowKey} ${String(low)}, ${highKey} ${String(high)})`);
      continue;
    }
    const value = attributes[quantity];
    if (low > high) problems.push(`${lowKey}/${highKey}: the range of ${quantity} is empty (${lowKey} ${low} > ${highKey} ${high})`);
    else if (typeof value !== 'number') problems.push(`${lowKey}/${highKey}: a range of ${quantity} needs ${quantity} itself (missing)`);
    else if (value < low || value > high) problems.push(`${lowKey}/${highKey}: ${quantity} ${value} lies outside its range [${low}, ${high}]`);
  }
  return problems;
}
