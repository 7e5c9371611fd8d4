/**
 * The metrics report in two parts, asked for separately (`GET /api/graphs/:id/metrics?metrics=LIST`,
 * docs/api.md), so the costly part never holds back what the first view draws:
 *
 * - FIRST_METRICS: what the map, the node panel, the stage table, the results and the
 *   legend draw (betweenness, throughput, flow share, minimum cut, concentration, supply
 *   risk, degree, PageRank, origin): Brandes (nodes x edges) and linear passes;
 * - KNOCKOUT_METRICS: the knockout loss of each node and country, a max flow per node and
 *   per country (on 50,000 nodes nearly all of the default metrics' time, docs/scale.md),
 *   drawn by the map's bottleneck halos and knockout sizing, the bottleneck table, the node
 *   panel's knockout row (the scenario bottlenecks come with the scenario's answer). The page
 *   asks for it only when a view shows it (knockout.ts): the map sized by knockout loss,
 *   the bottleneck table opened, or "compute" in the node panel.
 *
 * Together they are the server's default answer (SERVED_METRICS); `mergeReports` joins two
 * reports of the same graph into one, as if computed together (both from
 * src/metrics/report-parts.ts, which the server uses too).
 */
import { KNOCKOUT_METRICS, mergeReports } from '../../../src/metrics/report-parts.js';
import { DEFAULT_METRICS, METRIC_NAMES, type MetricName, type MetricsReport } from '../../../src/metrics/report-types.js';

export { KNOCKOUT_METRICS, mergeReports };

export const FIRST_METRICS: readonly MetricName[] = [...DEFAULT_METRICS, 'origin' as const].filter((name) => !KNOCKOUT_METRICS.includes(name));

/**
 * The metrics the page has for a report (the downloads ask for these, `metrics=LIST`):
 * FIRST_METRICS, with the knockout part once it has arrived. Before the first part has
 * arrived, FIRST_METRICS too (what the page is computing).
 */
export function pageMetrics(report: MetricsReport): MetricName[] {
  const has = report.metrics.includes('knockoutLoss');
  return METRIC_NAMES.filter((name) => FIRST_METRICS.includes(name) || (has && KNOCKOUT_METRICS.includes(name)));
}
