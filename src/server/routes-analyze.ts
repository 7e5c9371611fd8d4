/**
 * `POST /api/analyze`: the metrics of a graph sent in the body (graph file JSON). Nothing
 * is stored. An invalid graph is a 400 with the problem list; a graph over the node or
 * edge limit is a 413, checked before any node is validated.
 *
 * Time: the request thread only collects the body as text (up to `bodyBytes`). A body of
 * up to `analyzeInlineBytes` (default 64 KiB) is parsed and validated there (a few ms);
 * a larger one goes whole to a compute worker (analyze-job.ts: parse, counts, validation,
 * work check, metrics), so a flood of large posted graphs, even ones refused anyway, never
 * stalls other requests: they wait for a worker (or get a 503 when the queue is full).
 * Metrics are computed by the compute pool (compute-pool.ts), stopped after `analyzeMs`
 * (default 20 s) with a 422. Before that, a request that would compute for long is
 * refused at once (422): betweenness (Brandes) and knockout loss (a max flow per node)
 * take time proportional to nodes x edges, the other metrics are linear, and a request
 * asking for either of the two is refused when nodes x edges exceeds `analyzeWork`
 * (default 1e7: about one second on one core; see docs/api.md).
 */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { InputError } from '../model/errors.js';
import { parseGraph } from '../model/parse-graph.js';
import { parseMetricNames } from '../metrics/report.js';
import { DEFAULT_METRICS } from '../metrics/report-types.js';
import { checkCounts, checkWork, parseBodyText } from './analyze-job.js';
import type { Limits } from './app.js';
import { abortOnClose, type ComputePool } from './compute-pool.js';
import { parseQuery } from './validate.js';

export { checkWork, QUADRATIC_METRICS } from './analyze-job.js';

const AnalyzeQuery = z.strictObject({
  /** Comma-separated metric names; all when absent. */
  metrics: z.string().optional(),
});

type AnalyzeRouteLimits = Pick<Limits, 'analyzeNodes' | 'analyzeEdges' | 'analyzeWork' | 'analyzeMs' | 'analyzeInlineBytes'>;

export function analyzeRoute(limits: AnalyzeRouteLimits, pool: ComputePool): RequestHandler {
  const hint = `ask for fewer metrics (betweenness and knockoutLoss cost the most; ?metrics=...) or run \`chokepoint metrics\` on the file`;
  const jobLimits = { analyzeNodes: limits.analyzeNodes, analyzeEdges: limits.analyzeEdges, analyzeWork: limits.analyzeWork };
  return async (req, res) => {
    const query = parseQuery(AnalyzeQuery, req);
    const metrics = query.metrics === undefined ? undefined : parseMetricNames(query.metrics.split(',').map((m) => m.trim()).filter(Boolean));
    if (!req.is('application/json')) {
      throw new InputError('request body', [{ element: 'request body', message: 'must be JSON sent with Content-Type: application/json' }]);
    }
    const text: unknown = req.body;
    if (typeof text !== 'string' || text.trim() === '') throw new InputError('request body', [{ element: 'request body', message: 'must be a JSON object' }]);
    const run = { budgetMs: limits.analyzeMs, hint, signal: abortOnClose(res) };
    if (Buffer.byteLength(text) > limits.analyzeInlineBytes) {
      res.json(await pool.run(null, { type: 'analyze', text, ...(metrics ? { metrics } : {}), limits: jobLimits }, run));
      return;
    }
    // A small body: steps 1-4 of analyze-job.ts here, the metrics by the pool (inline or on a worker by their work).
    const body = parseBodyText(text);
    checkCounts(body, jobLimits);
    const { graph, warnings } = parseGraph(body, 'request body');
    checkWork(graph.order, graph.size, metrics ?? DEFAULT_METRICS, limits.analyzeWork);
    const report = await pool.run(graph, { type: 'metrics', options: metrics ? { metrics } : {} }, run);
    res.json({ ...report, warnings });
  };
}
