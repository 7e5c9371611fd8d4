/**
 * The bottleneck table's rows: nodes ordered by one metric (ties by id), the top `limit`.
 * Pure.
 */
import type { MetricsReport, NodeMetrics } from '../../src/metrics/report-types.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import type { SizeMetric } from './state.js';

export function bottleneckRows(report: MetricsReport, key: SizeMetric, descending: boolean, limit = 15): NodeMetrics[] {
  const sign = descending ? -1 : 1;
  return [...report.nodes].sort((a, b) => sign * ((a[key] ?? 0) - (b[key] ?? 0)) || a.id.localeCompare(b.id)).slice(0, limit);
}

export interface ScenarioBottleneckRow {
  node: string;
  label: string;
  country: string;
  stage: string;
  /** Knockout loss on the graph after the scenario. */
  loss: number;
  /** Knockout loss at baseline, or null when the node was not among the baseline's top list. */
  before: number | null;
  /** Not among the baseline's top list: a bottleneck the scenario created. */
  isNew: boolean;
}

/**
 * The bottlenecks after a scenario (its knockout ranking), each with its baseline loss
 * and whether it is new to the top list. Empty when the scenario changes nothing. Pure.
 */
export function scenarioBottleneckRows(result: Pick<ScenarioResult, 'bottlenecks' | 'changes'> | null, limit = 8): ScenarioBottleneckRow[] {
  if (!result || result.changes.length === 0) return [];
  const before = new Map(result.bottlenecks.before.map((b) => [b.node, b.loss]));
  return result.bottlenecks.after.slice(0, limit).map((b) => ({
    node: b.node,
    label: b.label,
    country: b.country,
    stage: b.stage,
    loss: b.loss,
    before: before.get(b.node) ?? null,
    isNew: !before.has(b.node),
  }));
}
