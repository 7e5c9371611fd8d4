/**
 * `POST /api/analyze`: the metrics of a graph sent in the body (graph file JSON). Nothing
 * is stored. An invalid graph is a 400 with the problem list; a graph over the node or
 * edge limit is a 413, checked before any work is done.
 *
 * Time: the graph is parsed in the request's thread, and its metrics computed by the
 * compute pool (compute-pool.ts): on a worker thread for all but small graphs, stopped
 * after `analyzeMs` (default 20 s) with a 422. Before that, a request that would compute
 * for long is refused at once (422): betweenness (Brandes) and knockout loss (a max flow
 * per node) take time proportional to nodes x edges, the other metrics are linear, and a
 * request asking for either of the two is refused when nodes x edges exceeds
 * `analyzeWork` (default 1e7: about one second on one core; see docs/api.md).
 */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ComputationError, TooLargeError } from '../model/errors.js';
import { parseGraph } from '../model/parse-graph.js';
import { parseMetricNames } from '../metrics/report.js';
import { DEFAULT_METRICS, type MetricName } from '../metrics/report-types.js';
import type { Limits } from './app.js';
import { abortOnClose, type ComputePool } from './compute-pool.js';
import { jsonBody, parseQuery } from './validate.js';

const AnalyzeQuery = z.strictObject({
  /** Comma-separated metric names; all when absent. */
  metrics: z.string().optional(),
});

/** The metrics whose cost grows with nodes x edges. */
export const QUADRATIC_METRICS: readonly MetricName[] = ['betweenness', 'knockoutLoss'];

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Refuses (ComputationError, 422) a request whose quadratic metrics exceed the work limit. */
export function checkWork(nodes: number, edges: number, metrics: readonly MetricName[], limit: number): void {
  const heavy = metrics.filter((m) => QUADRATIC_METRICS.includes(m));
  const work = nodes * edges;
  if (heavy.length === 0 || work <= limit) return;
  const light = metrics.filter((m) => !heavy.includes(m));
  throw new ComputationError(
    `request body: ${heavy.join(' and ')} on ${nodes} nodes and ${edges} edges is more work than /api/analyze does per request ` +
      `(nodes x edges = ${work.toExponential(2)}, limit ${limit.toExponential(2)}); ask for other metrics` +
      `${light.length > 0 ? ` (?metrics=${light.join(',')})` : ''} or run \`chokepoint metrics\` on the file`,
  );
}

export function analyzeRoute(limits: Pick<Limits, 'analyzeNodes' | 'analyzeEdges' | 'analyzeWork' | 'analyzeMs'>, pool: ComputePool): RequestHandler {
  return async (req, res) => {
    const query = parseQuery(AnalyzeQuery, req);
    const metrics = query.metrics === undefined ? undefined : parseMetricNames(query.metrics.split(',').map((m) => m.trim()).filter(Boolean));
    const body = jsonBody(req);
    const nodes = count(body.nodes);
    const edges = count(body.edges);
    if (nodes > limits.analyzeNodes || edges > limits.analyzeEdges) {
      throw new TooLargeError(`request body: the graph has ${nodes} nodes and ${edges} edges; /api/analyze takes at most ${limits.analyzeNodes} nodes and ${limits.analyzeEdges} edges (run the CLI for larger graphs)`);
    }
    const { graph, warnings } = parseGraph(body, 'request body');
    checkWork(graph.order, graph.size, metrics ?? DEFAULT_METRICS, limits.analyzeWork);
    const hint = `ask for fewer metrics (betweenness and knockoutLoss cost the most; ?metrics=...) or run \`chokepoint metrics\` on the file`;
    const report = await pool.run(graph, { type: 'metrics', options: metrics ? { metrics } : {} }, { budgetMs: limits.analyzeMs, hint, signal: abortOnClose(res) });
    res.json({ ...report, warnings });
  };
}
