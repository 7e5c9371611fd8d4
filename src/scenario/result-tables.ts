/**
 * Scenario results as plain tables (a header and rows of strings, numbers and nulls),
 * shared by the CLI's CSV and the page's CSV export and brief, so both write the same
 * columns. Losses are fractions (0.25 = 25%); differences are fractions of the end
 * use's baseline. Pure.
 */
import { BOUNDS, compareResults, viewOf, type Bound, type Comparison } from './compare.js';
import type { Loss, ScenarioResult } from './evaluate.js';

export interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

/** The end-use table of a result (the lens when it has one): one row for the total and one per end use. */
export function endUseTable(result: ScenarioResult): Table {
  const view = viewOf(result);
  const header = ['scope', 'end_use', ...BOUNDS.flatMap((b) => [`${b}_baseline`, `${b}_scenario`, `${b}_loss`])];
  const row = (endUse: string, x: { baseline: Record<Bound, number>; scenario: Record<Bound, number>; loss: Loss }) => [
    view.scope,
    endUse,
    ...BOUNDS.flatMap((b) => [x.baseline[b], x.scenario[b], x.loss[b]]),
  ];
  return { header, rows: [row('total', view), ...view.byEndUse.map((u) => row(u.endUse, u))] };
}

/** A comparison: per end use, each scenario's loss under each bound, then each difference from the first. */
export function comparisonTable(comparison: Comparison): Table {
  const header = [
    'scope',
    'end_use',
    ...comparison.names.flatMap((_n, i) => BOUNDS.map((b) => `s${i + 1}_${b}_loss`)),
    ...comparison.names.slice(1).flatMap((_n, i) => BOUNDS.map((b) => `s${i + 2}_${b}_diff`)),
  ];
  const rows = comparison.rows.map((r) => [
    comparison.scope,
    r.endUse,
    ...r.loss.flatMap((l) => BOUNDS.map((b) => l[b])),
    ...r.diff.slice(1).flatMap((d) => BOUNDS.map((b) => d[b])),
  ]);
  return { header, rows };
}

export { compareResults };
