/**
 * The metrics report with each node's `shadowPrice` taken from a scenario result (the dual
 * of its capacity row in the scenario's allocation LP: delivered t/yr gained per extra t/yr
 * of capacity; docs/scenarios.md), so the map can size nodes by it. Pure; the report is not
 * changed. Without a result the report is returned as it is.
 */
import type { MetricsReport } from '../../src/metrics/report-types.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';

export function withShadowPrices(report: MetricsReport, result: ScenarioResult | null): MetricsReport {
  if (!result) return report;
  const prices = result.shadowPrice.nodes;
  return { ...report, nodes: report.nodes.map((n) => ({ ...n, shadowPrice: prices[n.id] ?? 0 })) };
}
