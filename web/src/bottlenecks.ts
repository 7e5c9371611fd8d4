/**
 * The bottleneck table's rows: nodes ordered by one metric (ties by id), the top `limit`.
 * Pure.
 */
import type { MetricsReport, NodeMetrics } from '../../src/metrics/report-types.js';
import type { SizeMetric } from './state.js';

export function bottleneckRows(report: MetricsReport, key: SizeMetric, descending: boolean, limit = 15): NodeMetrics[] {
  const sign = descending ? -1 : 1;
  return [...report.nodes].sort((a, b) => sign * ((a[key] ?? 0) - (b[key] ?? 0)) || a.id.localeCompare(b.id)).slice(0, limit);
}
