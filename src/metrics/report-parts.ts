/**
 * A metrics report in parts: the knockout part (KNOCKOUT_METRICS: a max flow per node and
 * per country, on big graphs nearly all of the default metrics' time, docs/scale.md) apart
 * from the rest, so a view or a download that does not show it never waits for it, and one
 * that does reuses it. `mergeReports` joins two reports of the same graph into one, as if
 * computed together (tests/metrics/report-parts.test.ts checks it against `computeMetrics`
 * of the whole list). Used by the server (routes-graphs.ts: a list with both parts is
 * computed and cached as its two parts) and the page (web/src/page/metric-parts.ts). Pure.
 */
import { METRIC_NAMES, type MetricName, type MetricsReport } from './report-types.js';

/** The costly part, asked for separately. */
export const KNOCKOUT_METRICS: readonly MetricName[] = ['knockoutLoss'];

/** `metrics` split into the knockout part and the rest (each in the order given). */
export function splitMetrics(metrics: readonly MetricName[]): { knockout: MetricName[]; rest: MetricName[] } {
  return { knockout: metrics.filter((m) => KNOCKOUT_METRICS.includes(m)), rest: metrics.filter((m) => !KNOCKOUT_METRICS.includes(m)) };
}

function mergeRows<T extends object>(what: string, key: (row: T) => string, a: readonly T[], b: readonly T[]): T[] {
  if (a.length !== b.length) throw new Error(`mergeReports: the two reports have ${a.length} and ${b.length} ${what}`);
  return a.map((row, i) => {
    const other = b[i] as T;
    if (key(row) !== key(other)) throw new Error(`mergeReports: ${what} ${i} is "${key(row)}" in one report and "${key(other)}" in the other`);
    return { ...row, ...other };
  });
}

/**
 * One report of the metrics of `a` and `b`, two reports of the same graph (same nodes,
 * edges and countries in the same order; an Error otherwise): each row's fields of both,
 * the stages of the one that computed them, the supply figures of both, `metrics` the
 * union in the report's order.
 */
export function mergeReports(a: MetricsReport, b: MetricsReport): MetricsReport {
  const metrics = new Set([...a.metrics, ...b.metrics]);
  return {
    graph: a.graph,
    nodes: mergeRows('nodes', (n) => n.id, a.nodes, b.nodes),
    edges: mergeRows('edges', (e) => e.id, a.edges, b.edges),
    stages: a.stages.length > 0 ? a.stages : b.stages,
    countries: mergeRows('countries', (c) => c.country, a.countries, b.countries),
    supply: { ...a.supply, ...b.supply },
    metrics: METRIC_NAMES.filter((name) => metrics.has(name)),
  };
}
