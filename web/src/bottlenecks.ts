/**
 * The bottleneck table's rows: nodes ordered by one metric (ties by id in natural order), the top `limit`.
 * Pure.
 */
import type { MetricsReport, NodeMetrics } from '../../src/metrics/report-types.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { naturalCompare } from '../../src/scenario/natural-sort.js';
import type { SizeMetric } from './state.js';

/** `exclude`: nodes left out (the page passes the end-use sinks, as the scenario table and CLI do). */
export function bottleneckRows(report: MetricsReport, key: SizeMetric, descending: boolean, limit = 15, exclude: ReadonlySet<string> = new Set()): NodeMetrics[] {
  const sign = descending ? -1 : 1;
  return report.nodes.filter((n) => !exclude.has(n.id)).sort((a, b) => sign * ((a[key] ?? 0) - (b[key] ?? 0)) || naturalCompare(a.id, b.id)).slice(0, limit);
}

export interface ScenarioBottleneckRow {
  node: string;
  label: string;
  country: string;
  stage: string;
  /** Knockout loss on the graph after the scenario. */
  loss: number;
  /** Knockout loss at baseline: from the baseline's top list, else from `baselineOf`, else null (unknown). */
  before: number | null;
  /** Not among the baseline's top list: a bottleneck the scenario created. */
  isNew: boolean;
}

/**
 * The bottlenecks after a scenario (its knockout ranking), each with its baseline loss
 * and whether it is new to the top list. Empty when the scenario changes nothing. Pure.
 */
export function scenarioBottleneckRows(
  result: Pick<ScenarioResult, 'bottlenecks' | 'changes'> | null,
  limit = 8,
  baselineOf: (node: string) => number | undefined = () => undefined,
): ScenarioBottleneckRow[] {
  if (!result || result.changes.length === 0) return [];
  const before = new Map(result.bottlenecks.before.map((b) => [b.node, b.loss]));
  return result.bottlenecks.after.slice(0, limit).map((b) => ({
    node: b.node,
    label: b.label,
    country: b.country,
    stage: b.stage,
    loss: b.loss,
    before: before.get(b.node) ?? baselineOf(b.node) ?? null,
    isNew: !before.has(b.node),
  }));
}
