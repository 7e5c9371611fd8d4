/**
 * chokepoint's own graph file: graphology's serialization JSON (see docs/format.md),
 * which `parseGraph` loads back. With a metrics report the metric fields are extra node
 * and edge attributes (kept by the loader, which lists them as unknown attributes).
 */
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { unlimitedAsText } from '../model/schema.js';
import { withMetrics } from './with-metrics.js';

/** The graph (with the report's metrics as attributes, when given) as graph-file JSON text. */
export function toNativeJson(graph: SupplyGraph, report?: MetricsReport): string {
  return `${JSON.stringify(withMetrics(graph, report).export(), unlimitedAsText, 2)}\n`;
}
