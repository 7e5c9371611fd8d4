/** Number formatting for the page: tonnes, percentages, scores. */

/** A flow in tonnes per year: `12,345`, `1.2` for small values. */
export function formatTonnes(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A fraction as a percentage: 0.1234 -> `12.3%`. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A score in 0..1 with three decimals. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(3);
}

/** An amount in USD: `530`, `12.3 k`, `4.5 M`, `1.2 bn` (the unit is in the header). */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)} bn`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)} M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A graph in the graph picker: its name and node count, `Rare earths 2024 (156 nodes)`,
 * `big (10,000 nodes)`; the count is left out when the name already gives it (a generated
 * graph is named `synthetic supply graph (10000 nodes, seed 1)`).
 */
export function graphOptionLabel(name: string, nodes: number): string {
  const formatted = nodes.toLocaleString('en-US');
  const counts = [String(nodes), formatted].map((n) => `${n} nodes`);
  const says = counts.some((c) => name === c || name.startsWith(`${c} `) || new RegExp(`\\D${c}\\b`).test(name));
  return says ? name : `${name} (${formatted} nodes)`;
}
