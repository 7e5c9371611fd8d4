/**
 * Natural order of labels: runs of digits compare as numbers, so `end-use-2` comes before
 * `end-use-10` (plain string order puts `end-use-10` first). Case-insensitive first, then
 * exact, so the order is total and stable across runs. Pure.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
