/**
 * Attaches a metrics report to a copy of a graph, for export: each node's and edge's
 * metric fields become attributes of the same name (`betweenness`, `knockoutLoss`,
 * `minCut`, ...), so Gephi and Cytoscape show them as columns. Fields that repeat the
 * graph's own data (id, label, stage, country, status; source, target, material, flow,
 * and the report's effective `capacity`) are not attached. A metric replaces an
 * attribute of the same name, so re-exporting an exported graph refreshes its metrics.
 * Absent, null and non-finite values are skipped, and so are object-valued fields (a
 * node's `origin` table: the metrics CSV has it as columns). Nodes that are not operating (planned,
 * construction, prospective) and the edges touching them get no metric attributes: the
 * metrics are computed on the active graph only, so their report rows hold placeholders
 * (0, false), and an export shows them as empty cells rather than as measured zeros. The
 * input graph is not changed.
 */
import { ProblemList } from '../model/errors.js';
import { isActive, type SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';

/** Report fields that describe the element rather than measure it. */
export const NODE_IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'label', 'stage', 'country', 'status']);
export const EDGE_IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'source', 'target', 'material', 'flow', 'capacity']);

function metricFields(row: object, identity: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (identity.has(name) || value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    if (typeof value === 'object') continue;
    out[name] = value;
  }
  return out;
}

/**
 * A copy of `graph` with the report's metric fields as attributes; a plain copy when
 * `report` is undefined. Throws InputError when the report names a node or edge the graph
 * does not have (the report was computed on another graph).
 */
export function withMetrics(graph: SupplyGraph, report?: MetricsReport): SupplyGraph {
  const copy = graph.copy();
  if (!report) return copy;
  const problems = new ProblemList(20);
  for (const row of report.nodes) {
    if (!copy.hasNode(row.id)) {
      problems.add(`node "${row.id}"`, 'is in the metrics report but not in the graph');
      continue;
    }
    if (isActive(copy.getNodeAttributes(row.id))) copy.mergeNodeAttributes(row.id, metricFields(row, NODE_IDENTITY_FIELDS));
  }
  for (const row of report.edges) {
    const bothEnds = copy.hasNode(row.source) && copy.hasNode(row.target);
    const edge = copy.hasEdge(row.id) ? row.id : bothEnds ? copy.edge(row.source, row.target) : undefined;
    if (edge === undefined) {
      problems.add(`edge "${row.source} -> ${row.target}"`, 'is in the metrics report but not in the graph');
      continue;
    }
    if (isActive(copy.getNodeAttributes(copy.source(edge))) && isActive(copy.getNodeAttributes(copy.target(edge)))) copy.mergeEdgeAttributes(edge, metricFields(row, EDGE_IDENTITY_FIELDS));
  }
  problems.throwIfAny('metrics report');
  return copy;
}
